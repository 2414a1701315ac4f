import { Box, xcss } from '@atlaskit/primitives';

const track = xcss({
  height: '0.5rem',
  borderRadius: 'radius.small',
  backgroundColor: 'color.background.neutral',
  overflow: 'hidden',
});
const bar = xcss({ height: '100%', backgroundColor: 'color.background.brand.bold' });

/** How far a background run is: `done` of `total` (full when finished with nothing to do). */
export function ProgressBar({
  label,
  done,
  total,
  finished,
}: {
  label: string;
  done: number;
  total: number;
  finished: boolean;
}) {
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : finished ? 100 : 0;
  return (
    <Box
      xcss={track}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={Math.max(total, done)}
      aria-valuenow={done}
    >
      <Box xcss={bar} style={{ width: `${percent}%` }} />
    </Box>
  );
}
