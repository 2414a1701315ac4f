import type { ReactNode } from 'react';
import { token } from '@atlaskit/tokens';

/** Plain SVG charts in Jira's look: design-token colours (light and dark), text in the app's font, a summary for screen readers. */

export interface Bar {
  label: string;
  value: number;
  /** The value as people read it. */
  display: string;
  colour: string;
  /** A second line under the label (a count). */
  detail?: string;
}

/** Drawn at most this wide (px): wider, the text would grow with the picture. */
const WIDTH = 480;
const text = () => token('color.text.subtle');

/** The picture of a chart: at most WIDTH px wide, its summary read out instead of its parts. */
function ChartFrame({
  height,
  summary,
  testId,
  children,
}: {
  height: number;
  summary: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      style={{ maxWidth: WIDTH, display: 'block' }}
      role="img"
      aria-label={summary}
      data-testid={testId}
    >
      <title>{summary}</title>
      {children}
    </svg>
  );
}

/** Vertical columns with their value above and label below (the aging chart). */
export function ColumnChart({ bars, summary, testId }: { bars: Bar[]; summary: string; testId?: string }) {
  const plot = { top: 18, height: 110 };
  const height = plot.top + plot.height + 36;
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const slot = WIDTH / Math.max(1, bars.length);
  const barWidth = Math.min(56, slot * 0.6);
  const baseline = plot.top + plot.height;
  return (
    <ChartFrame height={height} summary={summary} testId={testId}>
      <line x1={0} x2={WIDTH} y1={baseline} y2={baseline} stroke={token('color.border')} strokeWidth={1} />
      {bars.map((bar, index) => {
        const barHeight = bar.value > 0 ? Math.max(2, (bar.value / max) * plot.height) : 0;
        const centre = index * slot + slot / 2;
        return (
          <g key={bar.label} data-testid="column">
            <rect
              x={centre - barWidth / 2}
              y={baseline - barHeight}
              width={barWidth}
              height={barHeight}
              rx={2}
              fill={bar.colour}
            >
              <title>{`${bar.label}: ${bar.display}${bar.detail ? ` (${bar.detail})` : ''}`}</title>
            </rect>
            <text x={centre} y={baseline - barHeight - 5} textAnchor="middle" fontSize="11" fill={token('color.text')}>
              {bar.display}
            </text>
            <text x={centre} y={baseline + 15} textAnchor="middle" fontSize="11" fill={text()}>
              {bar.label}
            </text>
            {bar.detail ? (
              <text x={centre} y={baseline + 29} textAnchor="middle" fontSize="10" fill={token('color.text.subtlest')}>
                {bar.detail}
              </text>
            ) : null}
          </g>
        );
      })}
    </ChartFrame>
  );
}

const clip = (label: string, length: number) => (label.length > length ? `${label.slice(0, length - 1)}…` : label);

/** Horizontal bars, one row each: label, bar, value (top customers, paid by month). */
export function BarChart({ bars, summary, testId }: { bars: Bar[]; summary: string; testId?: string }) {
  const row = 26;
  const labelWidth = 150;
  const valueWidth = 96;
  const plotWidth = WIDTH - labelWidth - valueWidth;
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  return (
    <ChartFrame height={bars.length * row} summary={summary} testId={testId}>
      {bars.map((bar, index) => {
        const y = index * row;
        const barWidth = bar.value > 0 ? Math.max(2, (bar.value / max) * plotWidth) : 0;
        return (
          <g key={`${bar.label}-${index}`} data-testid="bar">
            <text x={0} y={y + 17} fontSize="11" fill={token('color.text')}>
              <title>{bar.label}</title>
              {clip(bar.label, 22)}
            </text>
            <rect x={labelWidth} y={y + 5} width={barWidth} height={16} rx={2} fill={bar.colour}>
              <title>{`${bar.label}: ${bar.display}`}</title>
            </rect>
            <text x={WIDTH} y={y + 17} textAnchor="end" fontSize="11" fill={text()}>
              {bar.display}
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}
