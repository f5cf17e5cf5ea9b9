/**
 * An English game for three (word `cat's`), seen by Cy, who joined last: the
 * greeting, WAITING, hits and misses, an open letter named again, a wrong word,
 * a timeout, a player who leaves, and a line no catalogue entry matches.
 */
export const enCy = `
< Welcome to Word Guess! Type your name and press Enter.
< On your turn type: /letter X (a letter) or /word WORD (the whole word).
> Cy
< Cy joined the game
< The game has started!
< Word: ***'*
< Turn: Ann
< Letter named: 'a'
< Word: *a*'*
< Score: Ann 1, Bob 0, Cy 0
< Turn: Ann
< Letter named: 'e'
< Word: *a*'*
< Score: Ann 1, Bob 0, Cy 0
< Turn: Bob
< Word named: "cab's"
< Word: *a*'*
< Score: Ann 1, Bob 0, Cy 0
< Turn: Cy
< /turn
> /letter T
< You earned points: 1
< Word: *at'*
< Score: Ann 1, Bob 0, Cy 1
< Turn: Cy
< /turn
> /letter a
< That letter is already open
< Turn: Cy
< /turn
> /letter z
< No such letter
< Word: *at'*
< Score: Ann 1, Bob 0, Cy 1
< Turn: Ann
< Ann ran out of time
< Turn: Bob
< Bob left the game
< Turn: Cy
< /turn
> /letter ab
< Name a single letter
< /turn
> /word cats
< Sorry, your points "burned"
< Word: *at'*
< Score: Ann 1, Cy 0
< Server notice: maintenance at noon
< Turn: Ann
< Letter named: 's'
< Word: *at's
< Score: Ann 2, Cy 0
< Turn: Ann
< Word named: "cat's"
< Word: cat's
< Score: Ann 8, Cy 0
< The game is over!
< Ann 8
< Cy 0
< /quit
`;

/** The same table while Cy waits: a table of three that has two. */
export const enWaiting = `
> Cy
< Bob joined the game
< Waiting for players: 2 of 3
`;
