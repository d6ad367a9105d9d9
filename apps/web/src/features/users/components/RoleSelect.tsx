import FormField from '@cloudscape-design/components/form-field';
import Select from '@cloudscape-design/components/select';
import { useTranslation } from 'react-i18next';
import type { Role } from '@/lib/roles';
import { USER_ROLES } from '../logic/user-validation';

interface RoleSelectProps {
  readonly value: Role;
  readonly onChange: (role: Role) => void;
}

/** The role field of the user forms, with what each role may do. */
export function RoleSelect({ value, onChange }: RoleSelectProps) {
  const { t } = useTranslation();
  const options = USER_ROLES.map((role) => ({
    value: role,
    label: t(`roles.${role}`),
    description: t(`users.roleDescriptions.${role}`),
  }));
  return (
    <FormField label={t('users.fields.role')}>
      <Select
        selectedOption={options.find((option) => option.value === value) ?? null}
        options={options}
        onChange={({ detail }) => {
          const role = USER_ROLES.find((candidate) => candidate === detail.selectedOption.value);
          if (role) onChange(role);
        }}
      />
    </FormField>
  );
}
