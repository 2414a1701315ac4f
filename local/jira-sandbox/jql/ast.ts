export type ClauseOperator = '=' | '!=' | '~' | '!~' | '>' | '>=' | '<' | '<=' | 'IN' | 'NOT IN' | 'IS' | 'IS NOT';

export type JqlValue =
  | { kind: 'literal'; text: string; position: number }
  | { kind: 'empty'; position: number }
  | { kind: 'function'; name: string; args: string[]; position: number }
  | { kind: 'list'; items: JqlValue[]; position: number };

export interface JqlClause {
  kind: 'clause';
  field: string;
  fieldPosition: number;
  operator: ClauseOperator;
  value: JqlValue;
}

export type JqlNode = JqlClause | { kind: 'and' | 'or'; operands: JqlNode[] } | { kind: 'not'; operand: JqlNode };

export interface JqlSort {
  field: string;
  position: number;
  direction: 'ASC' | 'DESC';
}

export interface JqlQuery {
  where?: JqlNode;
  orderBy: JqlSort[];
}
