import { JiraError } from '../http/errors';

export type TokenKind = 'word' | 'string' | 'operator' | 'lparen' | 'rparen' | 'comma';

export interface Token {
  kind: TokenKind;
  text: string;
  /** 1-based character position in the query, as Jira reports it. */
  position: number;
}

const OPERATORS = ['!=', '>=', '<=', '!~', '=', '~', '>', '<'];

export function jqlError(message: string): JiraError {
  return new JiraError(400, [`Error in the JQL Query: ${message}`]);
}

export function at(position: number): string {
  return `(line 1, character ${position})`;
}

/** Splits a JQL query into tokens: quoted strings, operators, parentheses, commas and bare words. */
export function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < query.length) {
    const char = query[index] as string;
    if (/\s/.test(char)) {
      index += 1;
      continue;
    }
    const position = index + 1;
    if (char === '"' || char === "'") {
      let text = '';
      let end = index + 1;
      while (end < query.length && query[end] !== char) {
        if (query[end] === '\\' && end + 1 < query.length) end += 1;
        text += query[end];
        end += 1;
      }
      if (end >= query.length)
        throw jqlError(`The quoted string '${query.slice(index + 1)}' has not been completed. ${at(position)}`);
      tokens.push({ kind: 'string', text, position });
      index = end + 1;
      continue;
    }
    const operator = OPERATORS.find((candidate) => query.startsWith(candidate, index));
    if (operator) {
      tokens.push({ kind: 'operator', text: operator, position });
      index += operator.length;
      continue;
    }
    if (char === '(' || char === ')' || char === ',') {
      tokens.push({ kind: char === '(' ? 'lparen' : char === ')' ? 'rparen' : 'comma', text: char, position });
      index += 1;
      continue;
    }
    const word = /^[^\s=!~<>(),"']+/.exec(query.slice(index));
    if (!word) throw jqlError(`The character '${char}' is a reserved JQL character. ${at(position)}`);
    tokens.push({ kind: 'word', text: word[0], position });
    index += word[0].length;
  }
  return tokens;
}
