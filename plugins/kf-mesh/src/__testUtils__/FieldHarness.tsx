import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { type ComponentType, useState } from 'react';
import type { KfMeshApi } from '../api';
import { renderInKfMeshTestApp } from './renderInKfMeshTestApp';

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

/**
 * Renders `field` through {@link FieldHarness} in a kf-mesh test app with
 * `api`; returns the values the field sets, in order, as it sets them.
 */
export async function renderField<T>(
  field: ComponentType<FieldExtensionComponentProps<T>>,
  options: {
    formValues: Record<string, unknown>;
    api: Partial<KfMeshApi>;
    title?: string;
  },
): Promise<Array<T | undefined>> {
  const values: Array<T | undefined> = [];
  await renderInKfMeshTestApp(
    <FieldHarness
      field={field}
      formValues={options.formValues}
      title={options.title}
      onValue={v => values.push(v)}
    />,
    { api: options.api },
  );
  return values;
}
