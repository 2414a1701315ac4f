import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Text, xcss } from '@atlaskit/primitives';
import type { IssueLinkView } from '../../../../src/entry/resolvers/billing/api';
import { IssueLink } from '../components/IssueLink';
import { plainList } from '../components/list-styles';

const row = xcss({ paddingBlock: 'space.050' });

const APPEARANCE = { new: 'default', indeterminate: 'inprogress', done: 'success', unknown: 'default' } as const;

/** Issues with their key, summary and status, each a link. */
export function LinkedIssues({ issues, testId }: { issues: IssueLinkView[]; testId?: string }) {
  return (
    <Box as="ul" xcss={plainList} testId={testId}>
      {issues.map((issue) => (
        <Box as="li" key={issue.key} xcss={row}>
          <Inline space="space.100" alignBlock="center" spread="space-between">
            <Text size="small">
              <IssueLink issueKey={issue.key} /> {issue.summary}
            </Text>
            {issue.status ? <Lozenge appearance={APPEARANCE[issue.statusCategory]}>{issue.status}</Lozenge> : null}
          </Inline>
        </Box>
      ))}
    </Box>
  );
}
