// The left menu: the office desk's screens, the province desk's screens and the common
// ones, each desk only when it is on (settings:getDesks). With both desks on, the two
// groups get a heading so an officer sees which work is which.
import type { MenuProps } from 'antd';
import {
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BookOutlined,
  DatabaseOutlined,
  FileTextOutlined,
  InboxOutlined,
  KeyOutlined,
  SafetyCertificateOutlined,
  SendOutlined,
  SettingOutlined,
  TableOutlined,
} from '@ant-design/icons';
import type { DeskSettings } from '../../../shared/inbox';
import type { Screen } from '../stores/app';

interface Item {
  key: Screen;
  icon: React.ReactNode;
  label: string;
}

const OFFICE: Item[] = [
  { key: 'logbook', icon: <BookOutlined />, label: 'Sổ hoạt động' },
  { key: 'report', icon: <BarChartOutlined />, label: 'Báo cáo' },
  { key: 'outbox', icon: <SendOutlined />, label: 'Hộp thư đi' },
  { key: 'keys', icon: <KeyOutlined />, label: 'Khóa ký và gửi' },
];

const PROVINCE: Item[] = [
  { key: 'inbox', icon: <InboxOutlined />, label: 'Tiếp nhận gói' },
  { key: 'completeness', icon: <AuditOutlined />, label: 'Tình hình nộp báo cáo' },
  { key: 'merged', icon: <TableOutlined />, label: 'Tổng hợp' },
  { key: 'trust', icon: <SafetyCertificateOutlined />, label: 'Đơn vị tin cậy' },
];

const COMMON: Item[] = [
  { key: 'directives', icon: <FileTextOutlined />, label: 'Văn bản chỉ đạo' },
  { key: 'profile', icon: <BankOutlined />, label: 'Thông tin đơn vị' },
  { key: 'settings', icon: <SettingOutlined />, label: 'Cài đặt' },
  { key: 'backup', icon: <DatabaseOutlined />, label: 'Sao lưu và khôi phục' },
];

const entry = (m: Item) => ({ ...m, 'data-testid': `menu-${m.key}` });

export function menuItems(desks: DeskSettings | null): NonNullable<MenuProps['items']> {
  const office = desks?.office ?? true;
  const province = desks?.province ?? false;
  if (office && province) {
    return [
      { type: 'group', key: 'g-office', label: 'Báo cáo của đơn vị', children: OFFICE.map(entry) },
      {
        type: 'group',
        key: 'g-province',
        label: 'Tiếp nhận báo cáo',
        children: PROVINCE.map(entry),
      },
      { type: 'group', key: 'g-common', label: 'Chung', children: COMMON.map(entry) },
    ];
  }
  return [...(office ? OFFICE : []), ...(province ? PROVINCE : []), ...COMMON].map(entry);
}
