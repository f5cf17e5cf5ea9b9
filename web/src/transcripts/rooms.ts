/**
 * Rooms (PROTOCOL.md §8) as the page sees them. `>` lines are sent, `<` received,
 * `! close CODE` is the socket closing, `! connect back KEY NAME CODE` a new
 * connection that takes the seat back.
 */

/** Ann opens a room for two with her own words, Bob joins; two games in a row, chat between them. */
export const twoGames = `
> /new players=2 turn=30 lang=en
< Room K7M2Q is open. Friends join with: /join K7M2Q
> /words kiwi plum
< Words in the room: 2
> Ann
< Ann joined the game
< At the table: Ann
< Your seat key: ABCD2345 (if you lose the connection, reconnect and type /back ABCD2345)
< Waiting for players: 1 of 2
< Bob joined the game
< The game has started!
< Word: ****
< Turn: Ann
< Time to move: 30 s
< /turn
> /word kiwi
< You earned points: 4
< Congratulations! You won!!!
< Word: kiwi
< Score: Ann 8, Bob 0
< The game is over!
< Ann 8
< Bob 0
< Room K7M2Q total: Ann 8, Bob 0
< Next game in 10 s (type /leave to leave the room)
< <Bob> gg 2
< <Ann> Word: ****
< The game has started!
< Word: ****
< Turn: Bob
< Time to move: 30 s
< Letter named: 'p'
< Word: p***
< Score: Ann 0, Bob 1
< Turn: Bob
< Time to move: 30 s
< Bob lost the connection; the seat is kept for 60 s
< Turn: Ann
< Time to move: 30 s
< /turn
`;

/** A reload mid-game: the page takes its seat back with the key and gets the snapshot. */
export const resumed = `
! connect back ABCD2345 Ann K7M2Q
> /back ABCD2345
< You are back as Ann
< At the table: Ann, Bob
< Word: *а*а
< Letters named: а, х
< Score: Ann 2, Bob 0
< Turn: Ann
< Time to move: 17 s
< /turn
`;

/** Someone watches the room on a projector. */
export const watching = `
! connect watch K7M2Q
> /watch K7M2Q
< You are watching room K7M2Q
< At the table: Ann, Bob (bot)
< Word: *i*i
< Letters named: i
< Score: Ann 2, Bob (bot) 0
< Turn: Bob (bot)
< Letter named: 'k'
< Word: ki*i
< Score: Ann 2, Bob (bot) 1
< Turn: Bob (bot)
< Cy joined the game
< <Ann> hello class
`;

/** Cy comes while a game is on: seated for the next one. */
export const latecomer = `
> /join K7M2Q
< Room K7M2Q: type your name to sit down
> Cy
< Cy joined the game
< At the table: Ann, Bob, Cy
< Your seat key: WXYZ2345 (if you lose the connection, reconnect and type /back WXYZ2345)
< You play from the next game
< Letter named: 'k'
< Word: k***
< Score: Ann 1, Bob 0
< Turn: Ann
`;
