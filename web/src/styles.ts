/** Styles every element shares: buttons, fields, the visually hidden text. Colours come from index.html. */
import { css } from 'lit';

export const shared = css`
  /* Player text (names, letters, words, chat) may be one unbroken 1000-letter line:
     it wraps anywhere rather than widen the page. */
  :host {
    display: block;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  button,
  input,
  select {
    font: inherit;
    color: inherit;
  }
  button {
    min-height: 2.5rem;
    padding: 0.4rem 1rem;
    border: 1px solid var(--line);
    border-radius: 0.5rem;
    background: var(--card);
    cursor: pointer;
  }
  button.primary {
    background: var(--accent);
    border-color: var(--accent);
    color: var(--accent-fg);
    font-weight: 600;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.45;
  }
  input,
  select {
    min-height: 2.5rem;
    padding: 0.3rem 0.6rem;
    border: 1px solid var(--line);
    border-radius: 0.5rem;
    background: var(--card);
    min-width: 0;
  }
  :focus-visible {
    outline: 3px solid var(--focus);
    outline-offset: 2px;
  }
  h2 {
    font-size: 1.1rem;
    margin: 0 0 0.75rem;
  }
  .card {
    background: var(--card);
    border: 1px solid var(--line);
    border-radius: 0.75rem;
    padding: 1rem;
  }
  .muted {
    color: var(--muted);
  }
  /* A labelled field: the label above its control. */
  .field {
    display: grid;
    gap: 0.25rem;
  }
  .field > label {
    font-weight: 600;
  }
  /* Tables of names and points (results, the room total): points on the right. */
  table {
    border-collapse: collapse;
    width: 100%;
    margin-bottom: 1rem;
  }
  td,
  th {
    text-align: left;
    padding: 0.4rem 0.5rem;
    border-bottom: 1px solid var(--line);
  }
  td:last-child,
  th:last-child {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
