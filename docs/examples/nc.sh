#!/bin/sh
# Word Guess from the shell: sh nc.sh NAME [HOST] [PORT]
# Sends your name, then every line you type (/letter e, /word kite), and shows
# every line the server sends exactly as it arrives, /turn and /quit included.
# After /quit the server has closed its half of the connection; press Ctrl-D
# to close yours (some netcats, like Debian's, wait for that).
{ echo "${1:-nc}"; cat; } | nc "${2:-localhost}" "${3:-30003}"
