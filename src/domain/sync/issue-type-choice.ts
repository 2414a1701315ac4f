/** Which of a project's issue types the app uses for invoices and for customers when an admin chose none. */

export type IssueTypePurpose = 'invoice' | 'customer';

export interface IssueTypeOption {
  id: string;
  name: string;
  subtask: boolean;
}

/** Names that say what the issue is for, best first (compared in lower case). */
const NAMES: Readonly<Record<IssueTypePurpose, readonly string[]>> = {
  invoice: ['invoice', 'bill'],
  customer: ['account', 'customer', 'client'],
};

/** What the app used before it chose by name, and what most projects have. */
const FALLBACK = 'task';

/**
 * The project's issue type named like the purpose ("Invoice"; "Account", "Customer" or "Client"), exactly first,
 * then a name containing the word ("Sales Invoice"); else its Task, else its first standard type. Undefined when
 * the project has no standard issue type at all.
 */
export function chooseIssueType<T extends IssueTypeOption>(
  purpose: IssueTypePurpose,
  types: readonly T[],
): T | undefined {
  const standard = types.filter((type) => !type.subtask);
  const named = (match: (name: string, wanted: string) => boolean) => {
    for (const wanted of NAMES[purpose]) {
      const found = standard.find((type) => match(type.name.trim().toLowerCase(), wanted));
      if (found) return found;
    }
    return undefined;
  };
  return (
    named((name, wanted) => name === wanted) ??
    named((name, wanted) => name.split(/[^\p{L}\p{N}]+/u).includes(wanted)) ??
    standard.find((type) => type.name.trim().toLowerCase() === FALLBACK) ??
    standard[0]
  );
}

/** An admin's choice of issue type (by id or by name), or none: the type named for the purpose, per project. */
export type IssueTypeChoice = { id: string } | { name: string } | { auto: IssueTypePurpose };

/** The project's issue type for a choice; undefined when the project has no such type. */
export function issueTypeFor<T extends IssueTypeOption>(choice: IssueTypeChoice, types: readonly T[]): T | undefined {
  if ('auto' in choice) return chooseIssueType(choice.auto, types);
  return types.find((type) => ('id' in choice ? type.id === choice.id : type.name === choice.name));
}

/** The choice in words, for a message: `"Invoice"`, `with id 10010`, `named for invoices`. */
export function describeIssueTypeChoice(choice: IssueTypeChoice): string {
  if ('auto' in choice) return `named for ${choice.auto === 'invoice' ? 'invoices' : 'customers'}`;
  return 'id' in choice ? `with id ${choice.id}` : `"${choice.name}"`;
}
