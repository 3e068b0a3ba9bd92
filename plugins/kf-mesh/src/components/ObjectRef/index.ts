export { objectRefText } from './objectRefText';
