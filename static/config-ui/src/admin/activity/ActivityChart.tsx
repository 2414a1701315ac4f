import { Box, Inline, Text, xcss } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { ActivityChartView } from '../../../../../src/entry/resolvers/api';
import { OUTCOME_COLOUR, OUTCOME_LABEL, OUTCOMES } from './outcomes';

const WIDTH = 640;
const HEIGHT = 160;
const AXIS = 20;
const swatch = xcss({ width: '0.75rem', height: '0.75rem', borderRadius: 'radius.xsmall', display: 'inline-block' });

/** Deliveries per day as stacked bars (hand-drawn SVG), with a legend and a text summary for screen readers. */
export function ActivityChart({ chart }: { chart: ActivityChartView }) {
  const totals = chart.days.map((day) => OUTCOMES.reduce((sum, outcome) => sum + day.counts[outcome], 0));
  const max = Math.max(1, ...totals);
  const slot = WIDTH / Math.max(1, chart.days.length);
  const barWidth = Math.max(4, slot * 0.6);
  const all = totals.reduce((sum, total) => sum + total, 0);
  const summary = `${all} deliveries in the last ${chart.days.length} days; ${OUTCOMES.map((outcome) => `${chart.days.reduce((sum, day) => sum + day.counts[outcome], 0)} ${OUTCOME_LABEL[outcome].toLowerCase()}`).join(', ')}.`;
  return (
    <Box testId="activity-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT + AXIS}`}
        width="100%"
        height="180"
        role="img"
        aria-label={summary}
        preserveAspectRatio="none"
      >
        <title>{summary}</title>
        <line x1={0} x2={WIDTH} y1={HEIGHT} y2={HEIGHT} stroke={token('color.border')} strokeWidth={1} />
        {chart.days.map((day, index) => {
          let y = HEIGHT;
          const x = index * slot + (slot - barWidth) / 2;
          return (
            <g key={day.date}>
              {OUTCOMES.map((outcome) => {
                const count = day.counts[outcome];
                if (count === 0) return null;
                const height = (count / max) * (HEIGHT - 8);
                y -= height;
                return (
                  <rect key={outcome} x={x} y={y} width={barWidth} height={height} fill={OUTCOME_COLOUR[outcome]}>
                    <title>{`${day.date}: ${count} ${OUTCOME_LABEL[outcome].toLowerCase()}`}</title>
                  </rect>
                );
              })}
              {index % Math.ceil(chart.days.length / 7) === 0 ? (
                <text
                  x={x + barWidth / 2}
                  y={HEIGHT + 14}
                  textAnchor="middle"
                  fontSize="10"
                  fill={token('color.text.subtlest')}
                >
                  {day.date.slice(5)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <Inline space="space.200" shouldWrap>
        {OUTCOMES.map((outcome) => (
          <Inline key={outcome} space="space.050" alignBlock="center">
            <Box xcss={swatch} style={{ backgroundColor: OUTCOME_COLOUR[outcome] }} />
            <Text size="small">{OUTCOME_LABEL[outcome]}</Text>
          </Inline>
        ))}
      </Inline>
      {chart.truncated ? (
        <Text size="small" color="color.text.subtlest">
          Only the latest 1,000 deliveries are counted.
        </Text>
      ) : null}
    </Box>
  );
}
