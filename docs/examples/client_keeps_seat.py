"""A Word Guess client that keeps its seat: python3 client_keeps_seat.py NAME [HOST] [PORT]

client.py, and more: it remembers the seat key the server sends when it sits
down. If the connection drops, it connects again (a few tries, waiting a little
longer each time) and sends /back KEY instead of its name: same seat, same points.
"""
import re
import socket
import sys
import time

name = sys.argv[1] if len(sys.argv) > 1 else input("Your name: ")
host = sys.argv[2] if len(sys.argv) > 2 else "localhost"
port = int(sys.argv[3]) if len(sys.argv) > 3 else 30003

# The seat key line ends "... type /back KEY)" in English and Ukrainian alike.
SEAT_KEY = re.compile(r"/back ([2-9A-HJ-NP-Z]{8})\)$")
# The answer to /back when the seat is no longer kept (en, uk).
NO_SEAT = ("That seat is no longer kept", "Це місце вже не збережене")
TRIES = 5  # Reconnections in all before giving up.
key = None  # The seat key, once the server has sent it.


def send_line(sock, text):
    """A line on the wire is the text in UTF-8 and a newline."""
    sock.sendall((text + "\n").encode("utf-8"))


def play(sock, first_line):
    """Plays on one connection: True at /quit, False if the connection dropped."""
    global key
    send_line(sock, first_line)
    for line in sock.makefile("r", encoding="utf-8", errors="replace", newline="\n"):
        line = line.rstrip("\n")
        if line == "/turn":
            print("Your turn: /letter X or /word WORD", flush=True)
            move = ""
            while not move:  # The server ignores empty lines: ask again.
                try:
                    move = input().strip()
                except EOFError:
                    move = "/leave"  # Ctrl-D: give the seat up; the server answers /quit.
            send_line(sock, move)
        elif line == "/quit":
            return True  # Game over; or another connection took the seat (REPLACED).
        else:
            print(line, flush=True)  # Every other line, known or not.
            if line in NO_SEAT:
                sys.exit("The seat is gone (the game ended, or you were away too long).")
            found = SEAT_KEY.search(line)
            if found and key is None:  # The first one only: a chat line could imitate it.
                key = found.group(1)
    return False  # Closed without /quit: the connection dropped.


first_line = name
for tries in range(TRIES + 1):
    try:
        if tries > 0:
            print(f"Connection lost; trying again in {tries} s (try {tries} of {TRIES})", flush=True)
            time.sleep(tries)  # A short wait that grows: the network may need a moment.
        with socket.create_connection((host, port)) as sock:
            if play(sock, first_line):
                break
    except KeyboardInterrupt:
        break  # Ctrl-C: the seat stays kept for a while; /back KEY takes it again.
    except OSError as err:  # Refused, reset, no network: try again if we have a seat.
        if key is None:
            sys.exit(f"Connection to {host}:{port} failed: {err}")
    if key is None:
        sys.exit("The connection closed before you sat down.")
    first_line = "/back " + key  # From now on: come back, not sit down anew.
else:  # No break: every try failed.
    sys.exit(f"Gave up after {TRIES} tries. To play on, connect and type /back {key}")
