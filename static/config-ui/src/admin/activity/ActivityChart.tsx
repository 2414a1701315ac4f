import { Box, Inline, Text, xcss } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { ActivityChartView } from '../../../../../src/entry/resolvers/api';
import { ChartText } from './ChartText';
import { OUTCOME_COLOUR, OUTCOME_LABEL, OUTCOMES } from './outcomes';

const WIDTH = 680;
const PLOT_TOP = 16;
const PLOT_BOTTOM = 150;
const AXIS_LEFT = 36;
const HEIGHT = PLOT_BOTTOM + 36;
const REFUSED_COLOUR = token('color.chart.magenta.bold');
const swatch = xcss({ width: '0.75rem', height: '0.75rem', borderRadius: 'radius.xsmall', display: 'inline-block' });

/** 0, a round top at or above `max`, and the middle when it is a whole number. */
function yTicks(max: number): number[] {
  const magnitude = 10 ** Math.floor(Math.log10(max));
  const top = [1, 2, 3, 4, 5, 6, 8, 10].map((step) => step * magnitude).find((candidate) => candidate >= max) ?? max;
  return top % 2 === 0 ? [0, top / 2, top] : [0, top];
}

/** "2 Dec": the day of a UTC date in the viewer's words (never "2/12", which half the world reads as February). */
const shortDay = (date: string): string => {
  try {
    return new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
      Date.parse(`${date}T00:00:00Z`),
    );
  } catch {
    return date.slice(5);
  }
};

/**
 * Deliveries per day as stacked bars by outcome, with a y axis, each day's count and today marked; beside each,
 * a thin bar of its own for the requests refused before their signature was proven (hand-drawn SVG, a legend,
 * and a text summary for screen readers).
 */
export function ActivityChart({ chart }: { chart: ActivityChartView }) {
  const totals = chart.days.map((day) => OUTCOMES.reduce((sum, outcome) => sum + day.counts[outcome], 0));
  const ticks = yTicks(Math.max(1, ...totals, ...chart.days.map((day) => day.refused)));
  const top = ticks[ticks.length - 1] as number;
  const y = (count: number) => PLOT_BOTTOM - (count / top) * (PLOT_BOTTOM - PLOT_TOP);
  const slot = (WIDTH - AXIS_LEFT) / Math.max(1, chart.days.length);
  const barWidth = Math.max(4, slot * 0.42);
  const refusedWidth = Math.max(2, slot * 0.16);
  /** The outcome bar's centre; the refused bar stands just right of it. */
  const centre = (index: number) => AXIS_LEFT + index * slot + slot * 0.4;
  const refusedTotal = chart.days.reduce((sum, day) => sum + day.refused, 0);
  const summary = `${totals.reduce((sum, total) => sum + total, 0)} deliveries in the last ${chart.days.length} days; ${OUTCOMES.map((outcome) => `${chart.days.reduce((sum, day) => sum + day.counts[outcome], 0)} ${OUTCOME_LABEL[outcome].toLowerCase()}`).join(', ')}; ${refusedTotal} requests refused unverified.`;
  const labelEvery = Math.ceil(chart.days.length / 14);
  return (
    <Box testId="activity-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-label={summary}>
        <title>{summary}</title>
        {ticks.map((tick) => (
          <g key={tick}>
            <line
              x1={AXIS_LEFT}
              x2={WIDTH}
              y1={y(tick)}
              y2={y(tick)}
              stroke={token('color.border')}
              strokeWidth={1}
              strokeDasharray={tick === 0 ? undefined : '2 4'}
            />
            <ChartText
              x={AXIS_LEFT - 6}
              y={y(tick) + 4}
              anchor="end"
              size={11}
              fill={token('color.text.subtlest')}
              testId="chart-y-tick"
            >
              {tick}
            </ChartText>
          </g>
        ))}
        {chart.days.map((day, index) => {
          const isToday = day.date === chart.today;
          const x = centre(index) - barWidth / 2;
          let stackTop = PLOT_BOTTOM;
          const total = totals[index] ?? 0;
          return (
            <g key={day.date} data-testid={isToday ? 'chart-today' : undefined}>
              {isToday ? (
                <rect
                  x={AXIS_LEFT + index * slot}
                  y={PLOT_TOP - 12}
                  width={slot}
                  height={PLOT_BOTTOM - PLOT_TOP + 12}
                  fill={token('color.background.selected')}
                />
              ) : null}
              {OUTCOMES.map((outcome) => {
                const count = day.counts[outcome];
                if (count === 0) return null;
                const height = PLOT_BOTTOM - y(count);
                stackTop -= height;
                return (
                  <rect
                    key={outcome}
                    x={x}
                    y={stackTop}
                    width={barWidth}
                    height={height}
                    fill={OUTCOME_COLOUR[outcome]}
                  >
                    <title>{`${day.date}: ${count} ${OUTCOME_LABEL[outcome].toLowerCase()}`}</title>
                  </rect>
                );
              })}
              {total > 0 ? (
                <ChartText x={centre(index)} y={y(total) - 3} fill={token('color.text.subtle')} testId="chart-count">
                  {total}
                </ChartText>
              ) : null}
              {day.refused > 0 ? (
                <g data-testid="chart-refused">
                  <rect
                    x={centre(index) + barWidth / 2 + 2}
                    y={y(day.refused)}
                    width={refusedWidth}
                    height={PLOT_BOTTOM - y(day.refused)}
                    fill={REFUSED_COLOUR}
                    fillOpacity={0.55}
                    stroke={REFUSED_COLOUR}
                  >
                    <title>{`${day.date}: ${day.refused} refused before their signature was checked`}</title>
                  </rect>
                  <ChartText
                    x={centre(index) + barWidth / 2 + 2 + refusedWidth / 2}
                    y={y(day.refused) - 3}
                    fill={REFUSED_COLOUR}
                  >
                    {day.refused}
                  </ChartText>
                </g>
              ) : null}
              {index % labelEvery === 0 || isToday ? (
                <ChartText
                  x={centre(index)}
                  y={PLOT_BOTTOM + 14}
                  bold={isToday}
                  fill={isToday ? token('color.text') : token('color.text.subtlest')}
                >
                  {shortDay(day.date)}
                </ChartText>
              ) : null}
              {isToday ? (
                <ChartText x={centre(index)} y={PLOT_BOTTOM + 28} bold fill={token('color.text')}>
                  Today
                </ChartText>
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
        <Inline space="space.050" alignBlock="center">
          <Box
            xcss={swatch}
            style={{ backgroundColor: REFUSED_COLOUR, opacity: 0.55, outline: `1px solid ${REFUSED_COLOUR}` }}
          />
          <Text size="small">Refused unverified (no or wrong signature)</Text>
        </Inline>
      </Inline>
      {chart.truncated ? (
        <Text size="small" color="color.text.subtlest">
          Only the latest 1,000 deliveries are counted.
        </Text>
      ) : null}
    </Box>
  );
}
