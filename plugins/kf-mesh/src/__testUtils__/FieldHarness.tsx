import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { type ComponentType, useState } from 'react';

/**
 * Renders a scaffolder field the way the scaffolder's form does: controlled
 * (`formData` + `onChange`), with the whole form's values in
 * `formContext.formData`. `onValue` sees every value the field sets.
 */
export function FieldHarness<T>(props: {
  field: ComponentType<FieldExtensionComponentProps<T>>;
  formValues: Record<string, unknown>;
  initial?: T;
  onValue?: (value: T | undefined) => void;
  title?: string;
}) {
  const [value, setValue] = useState<T | undefined>(props.initial);
  const Field = props.field;
  const fieldProps = {
    formData: value,
    onChange: (next: T | undefined) => {
      setValue(next);
      props.onValue?.(next);
    },
    formContext: { formData: props.formValues },
    schema: { title: props.title ?? 'Field' },
    uiSchema: {},
    idSchema: { $id: 'root_field' },
    rawErrors: [],
    required: false,
    disabled: false,
    readonly: false,
    name: 'field',
  } as unknown as FieldExtensionComponentProps<T>;
  return <Field {...fieldProps} />;
}
