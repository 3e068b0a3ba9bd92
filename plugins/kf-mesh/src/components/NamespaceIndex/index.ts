export { NamespaceIndex, namespaceSectionId } from './NamespaceIndex';
