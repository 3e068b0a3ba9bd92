import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { ReactNode } from 'react';

const useStyles = makeStyles(theme => ({
  facts: (props: { spaceAbove: number }) => ({
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: theme.spacing(3),
    rowGap: theme.spacing(1),
    alignItems: 'baseline',
    margin: theme.spacing(props.spaceAbove, 0, 0),
    '& dt': { color: theme.palette.text.secondary },
    '& dd': { margin: 0 },
  }),
}));

/**
 * Facts as a definition list: each `<dt>` name beside its `<dd>` value, names
 * in one column. `spaceAbove` is in theme spacing units.
 */
export function FactList(props: { spaceAbove: number; children: ReactNode }) {
  const classes = useStyles({ spaceAbove: props.spaceAbove });
  return (
    <Typography component="dl" variant="body2" className={classes.facts}>
      {props.children}
    </Typography>
  );
}
