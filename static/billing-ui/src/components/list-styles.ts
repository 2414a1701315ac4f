import { xcss } from '@atlaskit/primitives';

/** A list without bullets or indent (the rows say what they are). */
export const plainList = xcss({ listStyle: 'none', margin: 'space.0', padding: 'space.0' });

/** A list row with a line under it, as Jira's issue lists. */
export const dividedRow = xcss({
  paddingBlock: 'space.075',
  borderBlockEndWidth: 'border.width',
  borderBlockEndStyle: 'solid',
  borderBlockEndColor: 'color.border',
});
