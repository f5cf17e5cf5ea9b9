/**
 * Hostile input at an English table, seen by Ann: Bob names a Cyrillic letter (any
 * player may name any letter) and chats in Ukrainian.
 */
export const hostileLetter = `
> Ann
< Bob joined the game
< Ann joined the game
< The game has started!
< Word: ****
< Turn: Bob
< Letter named: 'ж'
< Word: ****
< Score: Bob 0, Ann 0
< <Bob> Гра почалась!
< Turn: Ann
< /turn
`;
