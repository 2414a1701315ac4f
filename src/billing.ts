/** The handler of `billing-resolver-fn` (manifest.yml): a module of its own, so its bundle holds only what it needs. */
export { billingResolver } from './entry/resolvers/billing';
