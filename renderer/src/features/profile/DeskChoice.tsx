// The first question of the first run: is this a district office that reports upwards, or
// the provincial department that takes the offices' reports in? It sets the desks.
import { Card, Radio, Space, Typography } from 'antd';

export type Role = 'office' | 'province';

interface Props {
  value: Role;
  onChange: (role: Role) => void;
}

export function DeskChoice({ value, onChange }: Props) {
  return (
    <Card size="small" title="Cơ quan tôi là" style={{ marginBottom: 16 }}>
      <Radio.Group
        value={value}
        onChange={(e) => onChange(e.target.value as Role)}
        data-testid="first-run-role"
      >
        <Space orientation="vertical" size={4}>
          <Radio value="office" data-testid="first-run-role-office">
            Phòng VH&TT cấp huyện{' '}
            <Typography.Text type="secondary">
              — ghi sổ hoạt động tuyên truyền, lập báo cáo và gửi lên cấp trên.
            </Typography.Text>
          </Radio>
          <Radio value="province" data-testid="first-run-role-province">
            Sở (tiếp nhận báo cáo cấp tỉnh){' '}
            <Typography.Text type="secondary">
              — nhận gói dữ liệu của các đơn vị, theo dõi tình hình nộp và lập báo cáo tổng hợp.
            </Typography.Text>
          </Radio>
        </Space>
      </Radio.Group>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        Có thể đổi hoặc bật cả hai vai trò sau này ở mục “Cài đặt”.
      </Typography.Paragraph>
    </Card>
  );
}
