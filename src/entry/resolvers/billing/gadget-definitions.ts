import type Resolver from '@forge/resolver';
import { gadgetOptions } from '../../../usecases/billing-views/gadget-options';
import { loadReceivables } from '../../../usecases/billing-views/receivables';
import { noInput } from '../core/schemas';
import { defineBilling } from './define-billing';

/** The receivables gadget (`jira:dashboardGadget`): its configuration comes from Jira's context. */
export function defineGadget(resolver: Resolver): void {
  defineBilling(resolver, 'getReceivables', {
    place: 'gadget',
    input: noInput,
    handle: (_input, call, viewer) => loadReceivables(viewer, call.gadgetConfiguration),
  });
  defineBilling(resolver, 'getGadgetOptions', {
    place: 'gadget',
    input: noInput,
    handle: (_input, call, viewer) => gadgetOptions(viewer, call.gadgetConfiguration),
  });
}
