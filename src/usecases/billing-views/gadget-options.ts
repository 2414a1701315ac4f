import type { GadgetOptionsView } from '../../shared/billing-views';
import { billingProjectKeys, visibleProjects } from './billing-projects';
import { parseGadgetConfig } from './gadget-config';
import type { Viewer } from './viewer';

/** The gadget's edit view: the billing projects the viewer may browse, and those the gadget shows now. */
export async function gadgetOptions(viewer: Viewer, configuration: unknown): Promise<GadgetOptionsView> {
  let saved: string[] | undefined;
  try {
    saved = parseGadgetConfig(configuration)?.projectKeys;
  } catch {
    // Settings that are no longer valid are replaced by what the editor picks now.
    saved = undefined;
  }
  const billing = await billingProjectKeys();
  const { projects } = await visibleProjects(viewer, [...new Set([...billing, ...(saved ?? [])])]);
  const visible = new Set(projects.map((project) => project.key));
  const selected = (saved ?? billing).filter((key) => visible.has(key));
  return { projects: projects.map((project) => ({ key: project.key, name: project.name })), selected };
}
