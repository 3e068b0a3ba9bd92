import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { StatusText } from './StatusText';

describe('StatusText', () => {
  it('keeps the text in the accessibility tree and shows the icon of its kind', async () => {
    await renderInTestApp(
      <button>
        <StatusText kind="error">Conflict</StatusText>
      </button>,
    );
    expect(
      screen.getByRole('button', { name: 'Conflict' }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('status-error')).toBeInTheDocument();
  });
});
