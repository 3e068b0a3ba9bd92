export { InlineCodeText } from './InlineCodeText';
