// The choice between native Excel formulas (readable without the add-in) and PIRA.SCORE functions.
import { Field, Radio, RadioGroup } from "@fluentui/react-components";
import * as React from "react";
import type { FormulaMode } from "../../domain/settings";
import { useI18n } from "../i18n";

// Native first: it is the recommended choice (the workbook reads the same without the add-in).
const ORDER: readonly FormulaMode[] = ["native", "pira"];

export interface FormulaModeFieldProps {
  value: FormulaMode;
  onChange: (mode: FormulaMode) => void;
  label?: string;
  disabled?: boolean;
}

export function FormulaModeField({ value, onChange, label, disabled }: FormulaModeFieldProps): React.JSX.Element {
  const { t } = useI18n();
  return (
    <Field label={label ?? t.formulaMode.label}>
      <RadioGroup value={value} onChange={(_e, data) => onChange(data.value as FormulaMode)} disabled={disabled}>
        {ORDER.map((mode) => (
          <Radio key={mode} value={mode} label={t.formulaMode[mode]} />
        ))}
      </RadioGroup>
    </Field>
  );
}
