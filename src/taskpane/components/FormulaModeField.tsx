// The choice between native Excel formulas (readable without the add-in) and PIRA.SCORE functions.
import { Field, Radio, RadioGroup } from "@fluentui/react-components";
import * as React from "react";
import { FORMULA_MODES, type FormulaMode } from "../../domain/settings";
import { useI18n } from "../i18n";

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
        {FORMULA_MODES.map((mode) => (
          <Radio key={mode} value={mode} label={t.formulaMode[mode]} />
        ))}
      </RadioGroup>
    </Field>
  );
}
