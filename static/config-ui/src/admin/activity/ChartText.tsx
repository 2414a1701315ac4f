import type { ReactNode } from 'react';

/** One piece of the activity chart's text (an axis tick, a count, a day): centred on `x` unless anchored otherwise. */
export function ChartText({
  x,
  y,
  fill,
  anchor = 'middle',
  size = 10,
  bold = false,
  testId,
  children,
}: {
  x: number;
  y: number;
  /** A design-token colour, so the text follows the light or dark theme. */
  fill: string;
  anchor?: 'start' | 'middle' | 'end';
  size?: number;
  bold?: boolean;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <text
      x={x}
      y={y}
      textAnchor={anchor}
      fontSize={size}
      fontWeight={bold ? 'bold' : undefined}
      fill={fill}
      data-testid={testId}
    >
      {children}
    </text>
  );
}
