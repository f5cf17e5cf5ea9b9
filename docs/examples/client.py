"""A Word Guess client: python3 client.py NAME [HOST] [PORT]

Prints every line the server sends. On /turn it reads your move from the
keyboard (/letter e or /word kite) and sends it; on /quit it closes.
"""
import socket
import sys

name = sys.argv[1] if len(sys.argv) > 1 else input("Your name: ")
host = sys.argv[2] if len(sys.argv) > 2 else "localhost"
port = int(sys.argv[3]) if len(sys.argv) > 3 else 30003


def send_line(sock, text):
    """A line on the wire is the text in UTF-8 and a newline."""
    sock.sendall((text + "\n").encode("utf-8"))


try:
    with socket.create_connection((host, port)) as sock:
        send_line(sock, name)  # The first line is your name.
        # TCP delivers bytes, not lines: makefile() gathers them into lines.
        for line in sock.makefile("r", encoding="utf-8", errors="replace", newline="\n"):
            line = line.rstrip("\n")
            if line == "/turn":
                print("Your turn: /letter X or /word WORD", flush=True)
                move = ""
                while not move:  # The server ignores empty lines: ask again.
                    move = input().strip()
                send_line(sock, move)
            elif line == "/quit":
                break  # Game over: leaving the with-block closes the socket.
            else:
                print(line, flush=True)  # Every other line, known or not.
except (EOFError, KeyboardInterrupt):
    pass  # Ctrl-D or Ctrl-C: the socket is closed on the way out.
except OSError as err:
    sys.exit(f"Connection to {host}:{port} failed: {err}")
