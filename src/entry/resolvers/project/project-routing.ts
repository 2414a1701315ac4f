import type { AppConfig } from '../../../adapters/storage/config';
import { getWaveTokens } from '../../../adapters/storage/secrets';
import { ownValue } from '../../../shared/own';
import type { TimeBudget } from '../../../shared/time-budget';
import { describeWaveFailure, listConnectedBusinesses } from '../../../usecases/connect/wave-businesses';
import type { ProjectRoutingView } from '../api';

/** Whether the configuration sends invoices to this project (as the default or for a business). */
export const receivesInvoices = (config: AppConfig, projectKey: string): boolean =>
  config.defaultProjectKey === projectKey || Object.values(config.businessProjects).includes(projectKey);

/**
 * Where invoices go, from this project's point of view: here, or elsewhere, with the connected businesses an
 * admin could route here (asked of Wave only for a project that receives none).
 */
export async function projectRouting(
  config: AppConfig,
  projectKey: string,
  budget: TimeBudget,
): Promise<ProjectRoutingView> {
  const elsewhere = config.defaultProjectKey ? { defaultProjectKey: config.defaultProjectKey } : {};
  if (receivesInvoices(config, projectKey)) return { receivesInvoices: true, ...elsewhere, businesses: [] };
  if (!(await getWaveTokens())) return { receivesInvoices: false, ...elsewhere, businesses: [] };
  try {
    const businesses = await listConnectedBusinesses(budget);
    return {
      receivesInvoices: false,
      ...elsewhere,
      businesses: businesses.map((business) => {
        const target = ownValue(config.businessProjects, business.id) ?? config.defaultProjectKey;
        return { id: business.id, name: business.name, ...(target ? { projectKey: target } : {}) };
      }),
    };
  } catch (error) {
    return { receivesInvoices: false, ...elsewhere, businesses: [], businessesError: describeWaveFailure(error) };
  }
}
