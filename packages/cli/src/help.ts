// Help texts, kept apart from the commands so that --help loads no database code.

export const START_HELP = `zongzhi start [--offer-demo]

  打开数据库（设置 DATABASE_URL 时用 PostgreSQL，否则用 $ZONGZHI_DATA_DIR/pglite，默认 ./data），
  执行迁移，在 PORT（默认 3000）上提供服务。Ctrl+C 或 SIGTERM 平稳停止。
  --offer-demo  数据库为空时询问是否载入演示县（非终端时直接载入）；npm start 使用此项。
  不带 --offer-demo 时绝不创建演示数据或账号。

  Opens the database (PostgreSQL if DATABASE_URL is set, else PGlite in $ZONGZHI_DATA_DIR/pglite,
  default ./data), migrates it and serves on PORT (default 3000). Ctrl+C or SIGTERM stops cleanly.
  --offer-demo  on an empty database, offer to load the demo county (loads it when stdin is not a
                terminal); npm start passes this. Without it, no demo data or account is created.

  环境变量 / environment: PORT, HOST, DATABASE_URL, ZONGZHI_DATA_DIR, ZONGZHI_SECRET_KEY,
  ZONGZHI_COOKIE_SECURE, LOG_LEVEL
`;

export const DEMO_HELP = `zongzhi demo

  向空数据库载入确定性的演示县（示范县：14 个乡镇街道、164 个村社区、779 个网格、
  44 个部门、约 2,400 名干部及任职历史）和每个角色一个演示账号，并打印账号表。
  数据库已有单位时拒绝执行。

  Loads the deterministic demo county (示范县: 14 towns and streets, 164 villages and
  communities, 779 grids, 44 departments, ~2,400 officials with post history) and one demo
  account per role into an empty database, then prints the accounts. Refuses if units exist.
`;

export const USER_ADD_HELP = `zongzhi user add --username <用户名> --name <姓名> --role <角色> --unit <单位代码> [--password <密码>]

  创建账号并授予角色（范围为该单位及其下级）。不给 --password 时从终端读取（不回显），
  或从标准输入读取一行。管理员角色（sysadmin、secadmin、auditadmin）会生成 TOTP 密钥，
  请立即加入验证器应用。可重复 --role/--unit 授予多个角色（按顺序配对）。

  Creates an account and grants the role over the unit's subtree. Without --password the
  password is read from the terminal (not echoed) or as one line of stdin. Administrator roles
  (sysadmin, secadmin, auditadmin) get a TOTP secret: add it to an authenticator app at once.
  Repeat --role/--unit to grant several roles (paired in order).

  角色 / roles: sysadmin secadmin auditadmin operator liaison leader orgdept gridworker
  例 / example: zongzhi user add --username zhangsan --name 张三 --role operator --unit 990121000000
`;

export const AUDIT_VERIFY_HELP = `zongzhi audit verify

  按顺序校验审计日志的 SM3 哈希链；完整时退出码 0，发现被改动或缺失的记录时退出码 1 并指出第一条。
  Verifies the audit log's SM3 hash chain in order; exit code 0 when intact, 1 at the first
  altered or missing record (named by chain_seq and id).
`;

export const BACKUP_HELP = `zongzhi backup <文件 file> [--force]

  把整个数据库（PGlite 或 PostgreSQL）在同一时刻的一致副本写入 gzip 压缩的归档，附 SM3 摘要。
  服务运行时：PostgreSQL 可直接备份；PGlite 须先停止服务（一个数据目录只能由一个进程打开）。
  归档不含 SM4 密钥：请另行妥善保管 ZONGZHI_SECRET_KEY 或数据目录中的 secret.key。
  --force  覆盖已存在的文件。

  Writes a consistent copy of the whole database (PGlite or PostgreSQL), as of one moment, to a
  gzip'd archive with SM3 digests. PostgreSQL can be backed up while the server runs; with PGlite
  stop the server first (one process per data directory). The archive holds no SM4 key: keep
  ZONGZHI_SECRET_KEY (or secret.key in the data directory) safe separately.
  --force  overwrite an existing file.
`;

export const RESTORE_HELP = `zongzhi restore <文件 file>

  把 zongzhi backup 生成的归档恢复到一个空的数据库（新的数据目录或新建的 PostgreSQL 库）。
  先完整检查归档的 SM3 摘要和行数，再在一个事务中写入全部数据、重置序列、逐表核对；
  任何一步失败都不写入任何数据。目标须与备份时使用相同的程序版本（相同的迁移）。

  Restores an archive made by zongzhi backup into an empty database (a new data directory or a
  newly created PostgreSQL database). Checks the archive's SM3 digests and row counts first, then
  writes everything in one transaction, resets sequences and compares every table; if any step
  fails nothing is written. The target must run the same version (same migrations).
`;

export const UNIT_ADD_HELP = `zongzhi unit add --code <单位代码> --name <名称> --kind <类别> [--population <人口>] [--valid-from YYYY-MM-DD]

  创建一个顶级单位（没有上级）。新装系统先用它建立根单位（如本县），再用 zongzhi user add
  创建以该单位为范围的第一个管理员；其余单位在网页中添加或用 Excel 导入。

  Creates a top-level unit (no parent). On a new installation, create the root unit (e.g. your
  county) with it, then the first administrator scoped to it with zongzhi user add; add the other
  units in the web app or by Excel import.

  类别 / kinds: province city county town village grid department subunit key_unit stationed
  例 / example: zongzhi unit add --code 430221000000 --name 株洲县 --kind county
`;
