import { Fragment } from 'react';

/**
 * Text from the analyzer with `backtick` spans shown as code (finding titles
 * and remediations use them for labels and field names).
 * @public
 */
export function InlineCodeText(props: { text: string }) {
  const parts = props.text.split('`');
  // An odd number of backticks leaves the last one unmatched: keep it as text.
  if (parts.length % 2 === 0) return <>{props.text}</>;
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <code key={i}>{part}</code>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}
