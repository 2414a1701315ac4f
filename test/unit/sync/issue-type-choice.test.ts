import { chooseIssueType, type IssueTypeOption } from '../../../src/domain/sync/issue-type-choice';

const types = (...names: string[]): IssueTypeOption[] =>
  names.map((name, index) => ({ id: String(10_000 + index), name, subtask: name.startsWith('Sub-') }));

describe('the default issue type for invoices and customers', () => {
  it('is the type named for the purpose when the project has one', () => {
    const bill = types('Task', 'Invoice', 'Account');
    expect(chooseIssueType('invoice', bill)?.name).toBe('Invoice');
    expect(chooseIssueType('customer', bill)?.name).toBe('Account');
    expect(chooseIssueType('customer', types('Task', 'Client', 'Customer'))?.name).toBe('Customer');
  });

  it('matches regardless of case, and a name containing the word when none is exact', () => {
    expect(chooseIssueType('invoice', types('Task', 'INVOICE'))?.name).toBe('INVOICE');
    expect(chooseIssueType('invoice', types('Task', 'Sales Invoice'))?.name).toBe('Sales Invoice');
    expect(chooseIssueType('customer', types('Task', 'Client account'))?.name).toBe('Client account');
    expect(chooseIssueType('invoice', types('Task', 'Invoicing'))?.name).toBe('Task');
  });

  it('is Task otherwise, else the first standard type; never a subtask; none without any', () => {
    expect(chooseIssueType('invoice', types('Bug', 'Task', 'Story'))?.name).toBe('Task');
    expect(chooseIssueType('customer', types('Sub-Account', 'Bug', 'Story'))?.name).toBe('Bug');
    expect(chooseIssueType('invoice', types('Sub-Invoice'))).toBeUndefined();
    expect(chooseIssueType('invoice', [])).toBeUndefined();
  });
});
