import Button from '@atlaskit/button/new';
import { Inline, Text } from '@atlaskit/primitives';

/** Which currency the charts show, when the invoices are in several (amounts are never converted or added). */
export function CurrencyPicker({
  currencies,
  selected,
  onSelect,
}: {
  currencies: string[];
  selected: string;
  onSelect: (currency: string) => void;
}) {
  if (currencies.length < 2) return null;
  return (
    <Inline
      space="space.050"
      alignBlock="center"
      role="group"
      aria-label="Currency of the charts"
      testId="currency-picker"
    >
      <Text size="small" color="color.text.subtle">
        Charts in
      </Text>
      {currencies.map((currency) => (
        <Button
          key={currency}
          spacing="compact"
          appearance="subtle"
          isSelected={currency === selected}
          aria-pressed={currency === selected}
          onClick={() => onSelect(currency)}
        >
          {currency}
        </Button>
      ))}
    </Inline>
  );
}
