/**
 * Test support: a cluster member in its own process, so that a test can SIGKILL it.
 * `node --import tsx test/support/directory-member.ts REDIS_URL ADDRESS LEASE_MS ROOM SEAT`
 * registers the room and the seat, claims the public table, then prints "ready".
 */
import { Directory } from '../../server/cluster/directory.js';

const [url, address, lease, room, seat] = process.argv.slice(2);
const leaseMs = Number(lease);
const directory = new Directory({ url, address, leaseMs, heartbeatMs: Math.max(50, leaseMs / 4), fillingHere: () => true });
await directory.start();
await directory.addRoom(room);
directory.addSeat(seat);
await directory.publicTable();
await directory.heartbeat();
process.stdout.write(`ready ${directory.id}\n`);
