/**
 * Public tables with the lines of PROTOCOL.md §8 that every player now gets:
 * PLAYERS and SEAT_KEY after our JOINED, CLOCK after each TURN_OF, CHAT (whose text
 * may read like any line), AWAY and BACK. Cy joins last at a table of three; Bob
 * wears a name made to look like a line; the clock is on.
 */
export const enCyPublic = `
< Welcome to Word Guess! Type your name and press Enter.
> Cy
< Cy joined the game
< At the table: Ann, Word: x, Cy
< Your seat key: K7QXM2AB (if you lose the connection, reconnect and type /back K7QXM2AB)
< The game has started!
< Word: ****
< Turn: Ann
< Time to move: 30 s
< <Ann> hi all
< <Word: x> Word: kiwi
< <Word: x> Eve joined the game
< <Word: x> Turn: Cy
< Letter named: 'i'
< Word: *i*i
< Score: Ann 2, Word: x 0, Cy 0
< Turn: Ann
< Time to move: 30 s
< Letter named: 'z'
< Word: *i*i
< Score: Ann 2, Word: x 0, Cy 0
< Turn: Word: x
< Time to move: 30 s
< Word: x lost the connection; the seat is kept for 60 s
< Turn: Cy
< Time to move: 30 s
< /turn
> /letter k
< You earned points: 1
< Word: ki*i
< Score: Ann 2, Word: x 0, Cy 1
< Turn: Cy
< Time to move: 30 s
< /turn
< Word: x is back
> /word kiwi
< You earned points: 1
< Congratulations! You won!!!
< Word: kiwi
< Score: Ann 2, Word: x 0, Cy 6
< The game is over!
< Ann 2
< Word: x 0
< Cy 6
< /quit
`;

/**
 * The end of a game in a room, as Ann sees it: after the RESULT lines come
 * ROOM_TOTAL and NEXT_GAME (no /quit), a chat line that ends in a number, then the
 * next game on the same connection.
 */
export const roomNextGame = `
> Ann
< Ann joined the game
< At the table: Ann, Bob
< Your seat key: 23456789 (if you lose the connection, reconnect and type /back 23456789)
< The game has started!
< Word: **
< Turn: Ann
< /turn
> /word ox
< You earned points: 2
< Congratulations! You won!!!
< Word: ox
< Score: Ann 4, Bob 0
< The game is over!
< Ann 4
< Bob 0
< Room K7QXM total: Ann 4, Bob 0
< Next game in 10 s (type /leave to leave the room)
< <Bob> gg 5
< The game has started!
< Word: ***
< Turn: Bob
< Letter named: 'a'
< Word: *a*
< Score: Ann 0, Bob 1
`;
