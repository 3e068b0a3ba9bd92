export { ClusterHealthList } from './ClusterHealthList';
