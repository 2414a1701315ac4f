import { Stack, Text } from '@atlaskit/primitives';
import { useState } from 'react';
import type { ReceivablesView } from '../../../../src/entry/resolvers/billing/api';
import { Block } from '../components/Block';
import { EmptyNote } from '../components/states';
import { plural } from '../format';
import { AgingChart } from './AgingChart';
import { CurrencyPicker } from './CurrencyPicker';
import { CurrencyTotals } from './CurrencyTotals';
import { OverdueList } from './OverdueList';
import { PaidByMonth } from './PaidByMonth';
import { TopCustomersChart } from './TopCustomersChart';

function Scope({ view }: { view: ReceivablesView }) {
  const notes = [
    view.defaulted ? 'Showing the projects the app syncs invoices into; edit the gadget to choose.' : '',
    view.hiddenProjects > 0
      ? `${plural(view.hiddenProjects, 'configured project')} you cannot browse ${view.hiddenProjects === 1 ? 'is' : 'are'} left out.`
      : '',
    view.truncated ? 'Only the first 5,000 open invoices are counted.' : '',
  ].filter(Boolean);
  return (
    <Stack space="space.025">
      <Text size="small" color="color.text.subtle" testId="scope">
        {view.projects.map((project) => project.name).join(', ')} · {plural(view.openCount, 'open invoice')}
      </Text>
      {notes.map((note) => (
        <Text key={note} size="small" color="color.text.subtlest">
          {note}
        </Text>
      ))}
    </Stack>
  );
}

/** The receivables of the gadget's projects: per-currency totals, aging, top customers, payments, overdue invoices. */
export function Receivables({ view }: { view: ReceivablesView }) {
  const [picked, setPicked] = useState<string>();
  if (view.projects.length === 0)
    return (
      <EmptyNote title="No billing project to show" testId="no-projects">
        {view.hiddenProjects > 0
          ? 'You cannot browse the projects this gadget is set to. Ask a Jira administrator for access, or edit the gadget.'
          : 'The app syncs invoices into no project yet. A Jira administrator chooses one on the app’s admin page.'}
      </EmptyNote>
    );
  if (view.currencies.length === 0)
    return (
      <Stack space="space.150">
        <Scope view={view} />
        <EmptyNote title="Nothing is owed" testId="nothing-owed">
          No open invoice and no payment this month or last. Invoices appear here a few seconds after they sync.
        </EmptyNote>
      </Stack>
    );
  const currencies = view.currencies.map((row) => row.currency);
  const currency = picked && currencies.includes(picked) ? picked : (currencies[0] as string);
  const row = view.currencies.find((candidate) => candidate.currency === currency) ?? view.currencies[0]!;
  const customers = view.topCustomers.filter((customer) => customer.currency === currency);
  return (
    <Stack space="space.200" testId="receivables">
      <Scope view={view} />
      <CurrencyTotals currencies={view.currencies} />
      <CurrencyPicker currencies={currencies} selected={currency} onSelect={setPicked} />
      <Block title={`Aging (${currency})`} testId="aging">
        <AgingChart row={row} />
      </Block>
      <Block title={`Top customers (${currency})`} testId="top-customers">
        {customers.length > 0 ? (
          <TopCustomersChart customers={customers} currency={currency} />
        ) : (
          <Text size="small" color="color.text.subtle">
            No customer owes anything in {currency}.
          </Text>
        )}
      </Block>
      <Block title={`Paid (${currency})`} testId="paid">
        <PaidByMonth row={row} thisMonth={view.thisMonth} lastMonth={view.lastMonth} />
      </Block>
      <Block title={`Overdue invoices (${plural(view.overdue.count, 'invoice')})`} testId="overdue">
        <OverdueList overdue={view.overdue} />
      </Block>
    </Stack>
  );
}
