export { SecurityGroupsPage } from './routes/SecurityGroupsPage';
export { SecurityGroupDetailPage } from './routes/SecurityGroupDetailPage';
export { useSecurityGroupList } from './api/security-group-list';
export { membersOf, useGroupMembers } from './api/group-members';
export { groupsReferencing, referencedGroupId, type GroupReference } from './logic/group-references';
export { InstanceSecurityGroups } from './components/InstanceSecurityGroups';
export { RulesTable, type RulesTableProps } from './components/RulesTable';
export { AccessCheckPanel, type AccessCheckPanelProps } from './components/AccessCheckPanel';
export { groupPagePath } from './paths';
