import type { ClauseOperator, JqlNode, JqlQuery, JqlSort, JqlValue } from './ast';
import { at, jqlError, tokenize, type Token } from './lexer';

const VALID_OPERATORS =
  "The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'.";
const RESERVED_WORDS = ['and', 'or', 'not', 'in', 'is', 'order', 'by', 'empty', 'null'];

/**
 * Recursive-descent parser for the JQL subset the sandbox understands:
 * clauses joined by AND / OR / NOT with parentheses, then an optional ORDER BY.
 */
export function parseJql(query: string): JqlQuery {
  return new Parser(tokenize(query)).parseQuery();
}

class Parser {
  private index = 0;

  constructor(private readonly tokens: Token[]) {}

  parseQuery(): JqlQuery {
    const where = this.atKeyword('order') || this.done() ? undefined : this.parseOr();
    const orderBy = this.atKeyword('order') ? this.parseOrderBy() : [];
    const extra = this.peek();
    if (extra) throw jqlError(`Expecting either 'OR' or 'AND' but got '${extra.text}'. ${at(extra.position)}`);
    return { where, orderBy };
  }

  private parseOr(): JqlNode {
    const operands = [this.parseAnd()];
    while (this.acceptKeyword('or')) operands.push(this.parseAnd());
    return operands.length === 1 ? (operands[0] as JqlNode) : { kind: 'or', operands };
  }

  private parseAnd(): JqlNode {
    const operands = [this.parseNot()];
    while (this.acceptKeyword('and')) operands.push(this.parseNot());
    return operands.length === 1 ? (operands[0] as JqlNode) : { kind: 'and', operands };
  }

  private parseNot(): JqlNode {
    if (this.acceptKeyword('not')) return { kind: 'not', operand: this.parseNot() };
    const token = this.peek();
    if (token?.kind === 'lparen') {
      this.index += 1;
      const inner = this.parseOr();
      this.expect('rparen', "')'");
      return inner;
    }
    return this.parseClause();
  }

  private parseClause(): JqlNode {
    const fieldToken = this.next();
    if (!fieldToken) throw jqlError('Expecting a field name at the end of the query.');
    if (fieldToken.kind !== 'word' && fieldToken.kind !== 'string') {
      throw jqlError(`Expecting a field name but got '${fieldToken.text}'. ${at(fieldToken.position)}`);
    }
    if (fieldToken.kind === 'word' && RESERVED_WORDS.includes(fieldToken.text.toLowerCase())) {
      throw jqlError(`Expecting a field name but got '${fieldToken.text}'. ${at(fieldToken.position)}`);
    }
    const operator = this.parseOperator();
    const value = this.parseValue(operator);
    return { kind: 'clause', field: fieldToken.text, fieldPosition: fieldToken.position, operator, value };
  }

  private parseOperator(): ClauseOperator {
    const token = this.next();
    if (!token) throw jqlError(`Expecting operator before the end of the query. ${VALID_OPERATORS}`);
    if (token.kind === 'operator') return token.text as ClauseOperator;
    const word = token.kind === 'word' ? token.text.toLowerCase() : '';
    if (word === 'in') return 'IN';
    if (word === 'is') return this.acceptKeyword('not') ? 'IS NOT' : 'IS';
    if (word === 'not' && this.acceptKeyword('in')) return 'NOT IN';
    throw jqlError(`Expecting operator but got '${token.text}'. ${VALID_OPERATORS} ${at(token.position)}`);
  }

  private parseValue(operator: ClauseOperator): JqlValue {
    const token = this.peek();
    if (!token) throw jqlError(`Expecting either a value, list or function before the end of the query.`);
    if (operator === 'IN' || operator === 'NOT IN') {
      if (token.kind !== 'lparen') throw jqlError(`Expecting '(' but got '${token.text}'. ${at(token.position)}`);
      this.index += 1;
      const items: JqlValue[] = [this.parseSingleValue()];
      while (this.peek()?.kind === 'comma') {
        this.index += 1;
        items.push(this.parseSingleValue());
      }
      this.expect('rparen', "')'");
      return { kind: 'list', items, position: token.position };
    }
    return this.parseSingleValue();
  }

  private parseSingleValue(): JqlValue {
    const token = this.next();
    if (!token) throw jqlError('Expecting either a value, list or function before the end of the query.');
    if (token.kind === 'string') return { kind: 'literal', text: token.text, position: token.position };
    if (token.kind !== 'word' || ['and', 'or', 'not', 'in', 'is', 'order'].includes(token.text.toLowerCase())) {
      throw jqlError(`Expecting either a value, list or function but got '${token.text}'. ${at(token.position)}`);
    }
    if (['empty', 'null'].includes(token.text.toLowerCase())) return { kind: 'empty', position: token.position };
    if (this.peek()?.kind === 'lparen') {
      this.index += 1;
      const args: string[] = [];
      while (this.peek() && this.peek()?.kind !== 'rparen') {
        const arg = this.next() as Token;
        if (arg.kind !== 'comma') args.push(arg.text);
      }
      this.expect('rparen', "')'");
      return { kind: 'function', name: token.text, args, position: token.position };
    }
    return { kind: 'literal', text: token.text, position: token.position };
  }

  private parseOrderBy(): JqlSort[] {
    this.acceptKeyword('order');
    if (!this.acceptKeyword('by')) {
      const token = this.peek();
      throw jqlError(
        `Expecting 'by' but got '${token?.text ?? 'the end of the query'}'. ${token ? at(token.position) : ''}`.trim(),
      );
    }
    const sorts: JqlSort[] = [];
    do {
      const token = this.next();
      if (!token || (token.kind !== 'word' && token.kind !== 'string')) {
        throw jqlError(
          `Expecting a field name in the ORDER BY clause${token ? ` but got '${token.text}'. ${at(token.position)}` : '.'}`,
        );
      }
      let direction: 'ASC' | 'DESC' = 'ASC';
      if (this.acceptKeyword('asc')) direction = 'ASC';
      else if (this.acceptKeyword('desc')) direction = 'DESC';
      sorts.push({ field: token.text, position: token.position, direction });
    } while (this.peek()?.kind === 'comma' && ++this.index);
    return sorts;
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private next(): Token | undefined {
    const token = this.tokens[this.index];
    if (token) this.index += 1;
    return token;
  }

  private done(): boolean {
    return this.index >= this.tokens.length;
  }

  private atKeyword(word: string): boolean {
    const token = this.peek();
    return token?.kind === 'word' && token.text.toLowerCase() === word;
  }

  private acceptKeyword(word: string): boolean {
    if (!this.atKeyword(word)) return false;
    this.index += 1;
    return true;
  }

  private expect(kind: Token['kind'], label: string): void {
    const token = this.next();
    if (token?.kind === kind) return;
    throw token
      ? jqlError(`Expecting ${label} but got '${token.text}'. ${at(token.position)}`)
      : jqlError(`Expecting ${label} before the end of the query.`);
  }
}
