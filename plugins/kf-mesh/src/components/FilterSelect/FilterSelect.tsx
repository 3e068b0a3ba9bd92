import TextField from '@material-ui/core/TextField';

/** One choice of a {@link FilterSelect}. */
export interface FilterOption {
  value: string;
  label: string;
}

/**
 * A labelled native select filtering a table. Its id defaults to
 * `kf-mesh-filter-<label>`.
 */
export function FilterSelect(props: {
  label: string;
  value: string;
  /** The "no filter" option; omit when a value is always chosen. */
  allLabel?: string;
  options: FilterOption[];
  onChange: (value: string) => void;
  id?: string;
  minWidth?: number;
}) {
  const id =
    props.id ??
    `kf-mesh-filter-${props.label
      .toLocaleLowerCase('en-US')
      .replace(/\W+/g, '-')}`;
  return (
    <TextField
      id={id}
      select
      label={props.label}
      value={props.value}
      onChange={e => props.onChange(e.target.value)}
      variant="outlined"
      size="small"
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true }}
      style={{ minWidth: props.minWidth ?? 160 }}
    >
      {props.allLabel !== undefined && (
        <option value="">{props.allLabel}</option>
      )}
      {props.options.map(o => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </TextField>
  );
}
