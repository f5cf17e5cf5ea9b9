/**
 * The lecture's reference server: no WAITING, no SCORE, and its own spelling of
 * JOINED. Dan joins second and wins by naming the last letter.
 */
export const referenceDan = `
> Dan
< До гри прєднався(лась) Dan
< Гра почалась!
< Слово: ***
< Хід Ann
< Названо літеру 'к'
< Слово: к**
< Хід Ann
< Названо літеру 'о'
< Слово: к**
< Хід Dan
< /turn
> /letter і
< Ви заробили балів: 1
< Слово: кі*
< Хід Dan
< /turn
> /letter т
< Ви заробили балів: 1
< Вітаємо! Ви виграли!!!
< Слово: кіт
< Гру закінчено!
< Ann 1
< Dan 5
< /quit
`;
