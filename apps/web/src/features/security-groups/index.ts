export { SecurityGroupsPage } from './routes/SecurityGroupsPage';
export { useSecurityGroupList } from './api/security-group-list';
export { membersOf, useGroupMembers } from './api/group-members';
export { groupsReferencing, referencedGroupId, type GroupReference } from './logic/group-references';
