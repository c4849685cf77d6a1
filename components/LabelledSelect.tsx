/**
 * A labelled choice whose first option is "none of these" (all rules, every platform, each operator's
 * own setting): the rules' and audit log's filters, the team state's profile.
 */
export interface Choice {
  value: string;
  label: string;
}

export interface LabelledSelectProps {
  label: string;
  testId: string;
  value: string;
  /** The first option's text; its value is the empty string. */
  empty: string;
  choices: readonly Choice[];
  onChange: (value: string) => void;
}

export function LabelledSelect({ label, testId, value, empty, choices, onChange }: LabelledSelectProps) {
  return (
    <label>
      {label}{' '}
      <select
        data-testid={testId}
        value={value}
        onChange={(event) => onChange((event.target as HTMLSelectElement).value)}
      >
        <option value="">{empty}</option>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </label>
  );
}
