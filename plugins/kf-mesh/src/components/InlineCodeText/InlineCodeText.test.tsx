import { render, screen } from '@testing-library/react';
import { InlineCodeText } from './InlineCodeText';

describe('InlineCodeText', () => {
  it('renders backtick spans as code', () => {
    const { container } = render(
      <p>
        <InlineCodeText text="Label `istio.io/use-waypoint` names `waypoint`" />
      </p>,
    );
    const codes = Array.from(container.querySelectorAll('code')).map(
      c => c.textContent,
    );
    expect(codes).toEqual(['istio.io/use-waypoint', 'waypoint']);
    expect(container.textContent).toBe(
      'Label istio.io/use-waypoint names waypoint',
    );
  });

  it('keeps text with an unmatched backtick as is', () => {
    render(
      <p>
        <InlineCodeText text="a `b c" />
      </p>,
    );
    expect(screen.getByText('a `b c')).toBeInTheDocument();
  });
});
