import Button from '@atlaskit/button/new';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import type { ProjectMappingView } from '../../../../src/entry/resolvers/api';
import { SubmitStatus } from '../components/SubmitStatus';
import { useSubmit } from '../components/use-submit';

/**
 * On a project no invoice goes to: says so (the mapping below only matters once invoices come here), and offers a
 * Jira administrator to send a connected Wave business's invoices here.
 */
export function RoutingNote({
  view,
  onRouted,
}: {
  view: ProjectMappingView;
  onRouted: (view: ProjectMappingView) => void;
}) {
  const route = useSubmit('routeBusinessToProject', {
    title: 'Invoices routed here',
    description: "This business's new invoices come here; those already in Jira stay in their project.",
  });
  const { routing, project } = view;
  // Once routed here, the note gives way to what was done.
  if (routing.receivesInvoices) return route.status ? <SubmitStatus status={route.status} /> : null;
  const elsewhere = routing.defaultProjectKey
    ? `Wave's invoices go to ${routing.defaultProjectKey}, the default project chosen on the app's admin page.`
    : 'No project has been chosen for Wave invoices yet.';
  return (
    <SectionMessage appearance="information" title={`No Wave invoices come to ${project.key}`} testId="routing-note">
      <Stack space="space.150">
        <Text as="p">{elsewhere} The mapping below takes effect once invoices come here.</Text>
        {view.issueTypeProblem ? (
          <Text as="p" color="color.text.subtle" testId="routing-blocked">
            Invoices cannot be created here yet (see below): add the issue type to {project.key}, or set the invoice
            issue type to Automatic on the app's admin page, before routing a business here.
          </Text>
        ) : routing.businesses.length > 0 ? (
          <Stack space="space.100">
            <Text as="p">Send a Wave business's invoices to {project.key} (a Jira administrator can):</Text>
            {routing.businesses.map((business) => (
              <Inline key={business.id} space="space.100" alignBlock="center">
                <Button
                  onClick={() => void route.submit({ projectKey: project.key, businessId: business.id }, onRouted)}
                  isLoading={route.pending}
                  testId="route-business"
                >
                  Send {business.name}'s invoices here
                </Button>
                {business.projectKey ? <Text color="color.text.subtle">now to {business.projectKey}</Text> : null}
              </Inline>
            ))}
          </Stack>
        ) : (
          <Text as="p" color="color.text.subtle">
            {routing.businessesError
              ? `The Wave businesses could not be listed (${routing.businessesError}).`
              : 'Connect Wave on the admin page to route a business here.'}
          </Text>
        )}
        <SubmitStatus status={route.status} />
      </Stack>
    </SectionMessage>
  );
}
