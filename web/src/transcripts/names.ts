/** Name problems and other refusals: a taken name (RENAMED), and an empty one (NO_NAME, then the server closes). */
export const renamed = `
> Ann
< That name is taken; you play as Ann 2
< Ann 2 joined the game
< Waiting for players: 2 of 3
< Bob joined the game
< The game has started!
< Word: ***
< Turn: Ann
`;

export const noName = `
> 
< No player name given.
`;

export const serverFull = `
< The server is full; try again later.
`;

/** The server stops mid-game: STOPPING, `/quit`, and no GAME_OVER. */
export const stopping = `
> Ann
< Ann joined the game
< Bob joined the game
< The game has started!
< Word: *****
< Turn: Ann
< /turn
< The server is stopping. Goodbye!
< /quit
`;
