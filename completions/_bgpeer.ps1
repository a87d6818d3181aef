
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'bgpeer' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'bgpeer'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'bgpeer' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]')
            [CompletionResult]::new('--signature-version', '--signature-version', [CompletionResultType]::ParameterName, 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Columns to show for table, tsv and value output, comma-separated (after --query)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Connection timeout in seconds [default: 5]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Timeout of one HTTP attempt in seconds [default: 30]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Overall deadline of the command''s API calls, retries included, in seconds [default: 300]')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]')
            [CompletionResult]::new('--allow-insecure-endpoint', '--allow-insecure-endpoint', [CompletionResultType]::ParameterName, 'Allow a plain-http endpoint that is not on loopback')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log every HTTP attempt to stderr (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour output (NO_COLOR is also respected)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show secrets such as the BGP AuthKey in output instead of masking them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('group', 'group', [CompletionResultType]::ParameterValue, 'BGP groups on a VBR')
            [CompletionResult]::new('peer', 'peer', [CompletionResultType]::ParameterValue, 'BGP peers in a group')
            [CompletionResult]::new('network', 'network', [CompletionResultType]::ParameterValue, 'Networks advertised over BGP by a VBR')
            [CompletionResult]::new('vbr', 'vbr', [CompletionResultType]::ParameterValue, 'Virtual border routers and their whole BGP picture')
            [CompletionResult]::new('region', 'region', [CompletionResultType]::ParameterValue, 'Regions')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the live BGP set-up of VBRs as a declarative file (YAML, or JSON)')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Show what `apply` would change to make the live set-up match a file')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Make the live BGP set-up match a file (or a saved plan)')
            [CompletionResult]::new('api', 'api', [CompletionResultType]::ParameterValue, 'A signed call to any VPC action, raw JSON out')
            [CompletionResult]::new('configure', 'configure', [CompletionResultType]::ParameterValue, 'Profiles and credentials')
            [CompletionResult]::new('whoami', 'whoami', [CompletionResultType]::ParameterValue, 'Which profile and credentials are in use, and whether they work')
            [CompletionResult]::new('emulator', 'emulator', [CompletionResultType]::ParameterValue, 'Run the local emulator of the VPC BGP API')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'bgpeer;group' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]')
            [CompletionResult]::new('--signature-version', '--signature-version', [CompletionResultType]::ParameterName, 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Columns to show for table, tsv and value output, comma-separated (after --query)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Connection timeout in seconds [default: 5]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Timeout of one HTTP attempt in seconds [default: 30]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Overall deadline of the command''s API calls, retries included, in seconds [default: 300]')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]')
            [CompletionResult]::new('--allow-insecure-endpoint', '--allow-insecure-endpoint', [CompletionResultType]::ParameterName, 'Allow a plain-http endpoint that is not on loopback')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log every HTTP attempt to stderr (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour output (NO_COLOR is also respected)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show secrets such as the BGP AuthKey in output instead of masking them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List BGP groups (every page), optionally of one VBR')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one BGP group (exit 3 when it does not exist)')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a BGP group on a VBR and print it (CreateBgpGroup)')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a BGP group and print it (ModifyBgpGroupAttribute)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a BGP group (DeleteBgpGroup); --cascade deletes its peers first')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'bgpeer;group;list' {
            [CompletionResult]::new('--router-id', '--router-id', [CompletionResultType]::ParameterName, 'Only the groups of this VBR (API parameter RouterId, e.g. vbr-...)')
            [CompletionResult]::new('--vbr-id', '--vbr-id', [CompletionResultType]::ParameterName, 'Only the groups of this VBR (API parameter RouterId, e.g. vbr-...)')
            [CompletionResult]::new('--bgp-group-id', '--bgp-group-id', [CompletionResultType]::ParameterName, 'Only this group (API parameter BgpGroupId, e.g. bgpg-...)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Stop after N groups [default: all pages]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]')
            [CompletionResult]::new('--signature-version', '--signature-version', [CompletionResultType]::ParameterName, 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Columns to show for table, tsv and value output, comma-separated (after --query)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Connection timeout in seconds [default: 5]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Timeout of one HTTP attempt in seconds [default: 30]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Overall deadline of the command''s API calls, retries included, in seconds [default: 300]')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]')
            [CompletionResult]::new('--allow-insecure-endpoint', '--allow-insecure-endpoint', [CompletionResultType]::ParameterName, 'Allow a plain-http endpoint that is not on loopback')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log every HTTP attempt to stderr (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour output (NO_COLOR is also respected)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show secrets such as the BGP AuthKey in output instead of masking them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgpeer;group;show' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]')
            [CompletionResult]::new('--signature-version', '--signature-version', [CompletionResultType]::ParameterName, 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Columns to show for table, tsv and value output, comma-separated (after --query)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Connection timeout in seconds [default: 5]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Timeout of one HTTP attempt in seconds [default: 30]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Overall deadline of the command''s API calls, retries included, in seconds [default: 300]')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]')
            [CompletionResult]::new('--allow-insecure-endpoint', '--allow-insecure-endpoint', [CompletionResultType]::ParameterName, 'Allow a plain-http endpoint that is not on loopback')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log every HTTP attempt to stderr (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour output (NO_COLOR is also respected)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show secrets such as the BGP AuthKey in output instead of masking them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgpeer;group;create' {
            [CompletionResult]::new('--router-id', '--router-id', [CompletionResultType]::ParameterName, 'The VBR that owns the group (API parameter RouterId, vbr-...) [required]')
            [CompletionResult]::new('--vbr-id', '--vbr-id', [CompletionResultType]::ParameterName, 'The VBR that owns the group (API parameter RouterId, vbr-...) [required]')
            [CompletionResult]::new('--peer-asn', '--peer-asn', [CompletionResultType]::ParameterName, 'ASN of your device (API parameter PeerAsn): 1-4294967295, not 45104 [required]')
            [CompletionResult]::new('--local-asn', '--local-asn', [CompletionResultType]::ParameterName, 'Alibaba Cloud side ASN (API parameter LocalAsn): 64512-65534 or 4200000000-4294967294, not 65025 [default: 45104]')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Group name (API parameter Name): 2-128 characters, starting with a letter; letters, digits, ''.'', ''_'', ''-'' [default: none]')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'Description (API parameter Description): 2-256 characters, starting with a letter, not http:// or https:// [default: none]')
            [CompletionResult]::new('--auth-key', '--auth-key', [CompletionResultType]::ParameterName, 'BGP authentication key (API parameter AuthKey); visible in shell history and `ps`, so prefer --auth-key-file or BGPEER_AUTH_KEY [default: none]')
            [CompletionResult]::new('--auth-key-file', '--auth-key-file', [CompletionResultType]::ParameterName, 'Read the AuthKey from FILE, or from stdin with ''-'' (trailing newline removed)')
            [CompletionResult]::new('--is-fake-asn', '--is-fake-asn', [CompletionResultType]::ParameterName, 'Use a fake ASN, for AS migrations (API parameter IsFakeAsn): true or false [default: false]')
            [CompletionResult]::new('--route-quota', '--route-quota', [CompletionResultType]::ParameterName, 'Most routes each peer of the group may advertise (API parameter RouteQuota) [default: 110]')
            [CompletionResult]::new('--ip-version', '--ip-version', [CompletionResultType]::ParameterName, 'Address family (API parameter IpVersion): IPv4 or IPv6 (the VBR must have IPv6 enabled), any case [default: IPv4]')
            [CompletionResult]::new('--client-token', '--client-token', [CompletionResultType]::ParameterName, 'Idempotency token (API parameter ClientToken): 1-64 printable ASCII characters; retrying with the same token never makes a second resource; with --from-file, item N without its own ClientToken gets TOKEN-N [default: a new UUID per operation, reused on every retry]')
            [CompletionResult]::new('--no-validate', '--no-validate', [CompletionResultType]::ParameterName, 'Skip one validation rule, repeatable or comma-separated, for values the API accepts but bgpeer''s checks do not')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting after SECS seconds (exit 8); the overall --deadline grows to cover it unless --deadline is given')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'First polling interval in seconds; later polls back off by 1.5x up to 5x this, at most 30 s')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]')
            [CompletionResult]::new('--signature-version', '--signature-version', [CompletionResultType]::ParameterName, 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Columns to show for table, tsv and value output, comma-separated (after --query)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Connection timeout in seconds [default: 5]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Timeout of one HTTP attempt in seconds [default: 30]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Overall deadline of the command''s API calls, retries included, in seconds [default: 300]')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Validate, print the exact request that would be sent (action, endpoint, parameters; secrets masked) and send nothing')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Wait until the resource is Available (after create/update) or gone (after delete); a failure state or the timeout exits 8')
            [CompletionResult]::new('--allow-insecure-endpoint', '--allow-insecure-endpoint', [CompletionResultType]::ParameterName, 'Allow a plain-http endpoint that is not on loopback')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log every HTTP attempt to stderr (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour output (NO_COLOR is also respected)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show secrets such as the BGP AuthKey in output instead of masking them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgpeer;group;update' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'New name (API parameter Name): 2-128 characters, starting with a letter; letters, digits, ''.'', ''_'', ''-''')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'New description (API parameter Description): 2-256 characters, starting with a letter')
            [CompletionResult]::new('--peer-asn', '--peer-asn', [CompletionResultType]::ParameterName, 'New ASN of your device (API parameter PeerAsn): 1-4294967295, not 45104')
            [CompletionResult]::new('--local-asn', '--local-asn', [CompletionResultType]::ParameterName, 'New Alibaba Cloud side ASN (API parameter LocalAsn): 64512-65534 or 4200000000-4294967294, not 65025')
            [CompletionResult]::new('--auth-key', '--auth-key', [CompletionResultType]::ParameterName, 'BGP authentication key (API parameter AuthKey); visible in shell history and `ps`, so prefer --auth-key-file or BGPEER_AUTH_KEY [default: none]')
            [CompletionResult]::new('--auth-key-file', '--auth-key-file', [CompletionResultType]::ParameterName, 'Read the AuthKey from FILE, or from stdin with ''-'' (trailing newline removed)')
            [CompletionResult]::new('--is-fake-asn', '--is-fake-asn', [CompletionResultType]::ParameterName, 'Fake ASN on or off (API parameter IsFakeAsn): true or false')
            [CompletionResult]::new('--route-quota', '--route-quota', [CompletionResultType]::ParameterName, 'Most routes each peer may advertise (API parameter RouteQuota)')
            [CompletionResult]::new('--client-token', '--client-token', [CompletionResultType]::ParameterName, 'Idempotency token (API parameter ClientToken): 1-64 printable ASCII characters; retrying with the same token never makes a second resource; with --from-file, item N without its own ClientToken gets TOKEN-N [default: a new UUID per operation, reused on every retry]')
            [CompletionResult]::new('--no-validate', '--no-validate', [CompletionResultType]::ParameterName, 'Skip one validation rule, repeatable or comma-separated, for values the API accepts but bgpeer''s checks do not')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting after SECS seconds (exit 8); the overall --deadline grows to cover it unless --deadline is given')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'First polling interval in seconds; later polls back off by 1.5x up to 5x this, at most 30 s')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]')
            [CompletionResult]::new('--signature-version', '--signature-version', [CompletionResultType]::ParameterName, 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Columns to show for table, tsv and value output, comma-separated (after --query)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Connection timeout in seconds [default: 5]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Timeout of one HTTP attempt in seconds [default: 30]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Overall deadline of the command''s API calls, retries included, in seconds [default: 300]')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]')
            [CompletionResult]::new('--auth-key-from-env', '--auth-key-from-env', [CompletionResultType]::ParameterName, 'Take the new AuthKey from the environment variable BGPEER_AUTH_KEY (never implicit on update, so a key in your environment can''t change a group by accident)')
            [CompletionResult]::new('--clear-auth-key', '--clear-auth-key', [CompletionResultType]::ParameterName, 'Remove the group''s AuthKey (API parameter ClearAuthKey=true)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Validate, print the exact request that would be sent (action, endpoint, parameters; secrets masked) and send nothing')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Wait until the resource is Available (after create/update) or gone (after delete); a failure state or the timeout exits 8')
            [CompletionResult]::new('--allow-insecure-endpoint', '--allow-insecure-endpoint', [CompletionResultType]::ParameterName, 'Allow a plain-http endpoint that is not on loopback')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log every HTTP attempt to stderr (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour output (NO_COLOR is also respected)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show secrets such as the BGP AuthKey in output instead of masking them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgpeer;group;delete' {
            [CompletionResult]::new('--client-token', '--client-token', [CompletionResultType]::ParameterName, 'Idempotency token (API parameter ClientToken): 1-64 printable ASCII characters; retrying with the same token never makes a second resource; with --from-file, item N without its own ClientToken gets TOKEN-N [default: a new UUID per operation, reused on every retry]')
            [CompletionResult]::new('--no-validate', '--no-validate', [CompletionResultType]::ParameterName, 'Skip one validation rule, repeatable or comma-separated, for values the API accepts but bgpeer''s checks do not')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting after SECS seconds (exit 8); the overall --deadline grows to cover it unless --deadline is given')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'First polling interval in seconds; later polls back off by 1.5x up to 5x this, at most 30 s')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]')
            [CompletionResult]::new('--signature-version', '--signature-version', [CompletionResultType]::ParameterName, 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Columns to show for table, tsv and value output, comma-separated (after --query)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Connection timeout in seconds [default: 5]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Timeout of one HTTP attempt in seconds [default: 30]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Overall deadline of the command''s API calls, retries included, in seconds [default: 300]')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]')
            [CompletionResult]::new('--cascade', '--cascade', [CompletionResultType]::ParameterName, 'Delete the group''s peers first, one by one, waiting for each to be gone')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Validate, print the exact request that would be sent (action, endpoint, parameters; secrets masked) and send nothing')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Wait until the resource is Available (after create/update) or gone (after delete); a failure state or the timeout exits 8')
            [CompletionResult]::new('--allow-insecure-endpoint', '--allow-insecure-endpoint', [CompletionResultType]::ParameterName, 'Allow a plain-http endpoint that is not on loopback')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log every HTTP attempt to stderr (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour output (NO_COLOR is also respected)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show secrets such as the BGP AuthKey in output instead of masking them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgpeer;group;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List BGP groups (every page), optionally of one VBR')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one BGP group (exit 3 when it does not exist)')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a BGP group on a VBR and print it (CreateBgpGroup)')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a BGP group and print it (ModifyBgpGroupAttribute)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a BGP group (DeleteBgpGroup); --cascade deletes its peers first')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'bgpeer;group;help;list' {
            break
        }
        'bgpeer;group;help;show' {
            break
        }
        'bgpeer;group;help;create' {
            break
        }
        'bgpeer;group;help;update' {
            break
        }
        'bgpeer;group;help;delete' {
            break
        }
        'bgpeer;group;help;help' {
            break
        }
        'bgpeer;peer' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]')
            [CompletionResult]::new('--signature-version', '--signature-version', [CompletionResultType]::ParameterName, 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Columns to show for table, tsv and value output, comma-separated (after --query)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Connection timeout in seconds [default: 5]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Timeout of one HTTP attempt in seconds [default: 30]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Overall deadline of the command''s API calls, retries included, in seconds [default: 300]')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]')
            [CompletionResult]::new('--allow-insecure-endpoint', '--allow-insecure-endpoint', [CompletionResultType]::ParameterName, 'Allow a plain-http endpoint that is not on loopback')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log every HTTP attempt to stderr (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour output (NO_COLOR is also respected)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show secrets such as the BGP AuthKey in output instead of masking them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List BGP peers (every page), filtered by group, VBR or ID')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one BGP peer (exit 3 when it does not exist)')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Add a BGP peer to a group and print it (CreateBgpPeer); --from-file adds many')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a BGP peer and print it (ModifyBgpPeerAttribute)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a BGP peer (DeleteBgpPeer); --from-file deletes many')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until a peer is Available, its BGP session Established, or it is gone')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'bgpeer;peer;list' {
            [CompletionResult]::new('--bgp-group-id', '--bgp-group-id', [CompletionResultType]::ParameterName, 'Only the peers of this group (API parameter BgpGroupId, bgpg-...)')
            [CompletionResult]::new('--router-id', '--router-id', [CompletionResultType]::ParameterName, 'Only the peers on this VBR (API parameter RouterId, vbr-...)')
            [CompletionResult]::new('--vbr-id', '--vbr-id', [CompletionResultType]::ParameterName, 'Only the peers on this VBR (API parameter RouterId, vbr-...)')
            [CompletionResult]::new('--bgp-peer-id', '--bgp-peer-id', [CompletionResultType]::ParameterName, 'Only this peer (API parameter BgpPeerId, bgp-...)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Stop after N peers [default: all pages]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]')
            [CompletionResult]::new('--signature-version', '--signature-version', [CompletionResultType]::ParameterName, 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Columns to show for table, tsv and value output, comma-separated (after --query)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Connection timeout in seconds [default: 5]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Timeout of one HTTP attempt in seconds [default: 30]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Overall deadline of the command''s API calls, retries included, in seconds [default: 300]')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]')
            [CompletionResult]::new('--allow-insecure-endpoint', '--allow-insecure-endpoint', [CompletionResultType]::ParameterName, 'Allow a plain-http endpoint that is not on loopback')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log every HTTP attempt to stderr (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour output (NO_COLOR is also respected)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show secrets such as the BGP AuthKey in output instead of masking them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgpeer;peer;show' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]')
            [CompletionResult]::new('--signature-version', '--signature-version', [CompletionResultType]::ParameterName, 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Columns to show for table, tsv and value output, comma-separated (after --query)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Connection timeout in seconds [default: 5]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Timeout of one HTTP attempt in seconds [default: 30]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Overall deadline of the command''s API calls, retries included, in seconds [default: 300]')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]')
            [CompletionResult]::new('--allow-insecure-endpoint', '--allow-insecure-endpoint', [CompletionResultType]::ParameterName, 'Allow a plain-http endpoint that is not on loopback')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log every HTTP attempt to stderr (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour output (NO_COLOR is also respected)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show secrets such as the BGP AuthKey in output instead of masking them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgpeer;peer;create' {
            [CompletionResult]::new('--bgp-group-id', '--bgp-group-id', [CompletionResultType]::ParameterName, 'The group to add the peer to (API parameter BgpGroupId, bgpg-...) [required without --from-file]')
            [CompletionResult]::new('--peer-ip-address', '--peer-ip-address', [CompletionResultType]::ParameterName, 'The neighbour''s address (API parameter PeerIpAddress): IPv4 or IPv6, of the group''s family (checked against --ip-version when given); required when the VBR has no or several sub-interfaces [default: the VBR''s peer gateway address]')
            [CompletionResult]::new('--peer-ip', '--peer-ip', [CompletionResultType]::ParameterName, 'The neighbour''s address (API parameter PeerIpAddress): IPv4 or IPv6, of the group''s family (checked against --ip-version when given); required when the VBR has no or several sub-interfaces [default: the VBR''s peer gateway address]')
            [CompletionResult]::new('--enable-bfd', '--enable-bfd', [CompletionResultType]::ParameterName, 'Enable BFD (API parameter EnableBfd): --enable-bfd or --enable-bfd=false [default: false]')
            [CompletionResult]::new('--bfd-multi-hop', '--bfd-multi-hop', [CompletionResultType]::ParameterName, 'BFD hop count (API parameter BfdMultiHop): 1-255, only with --enable-bfd [default: the API''s, 255]')
            [CompletionResult]::new('--ip-version', '--ip-version', [CompletionResultType]::ParameterName, 'Address family (API parameter IpVersion): IPv4 or IPv6, any case [default: IPv4]')
            [CompletionResult]::new('--client-token', '--client-token', [CompletionResultType]::ParameterName, 'Idempotency token (API parameter ClientToken): 1-64 printable ASCII characters; retrying with the same token never makes a second resource; with --from-file, item N without its own ClientToken gets TOKEN-N [default: a new UUID per operation, reused on every retry]')
            [CompletionResult]::new('--no-validate', '--no-validate', [CompletionResultType]::ParameterName, 'Skip one validation rule, repeatable or comma-separated, for values the API accepts but bgpeer''s checks do not')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting after SECS seconds (exit 8); the overall --deadline grows to cover it unless --deadline is given')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'First polling interval in seconds; later polls back off by 1.5x up to 5x this, at most 30 s')
            [CompletionResult]::new('--from-file', '--from-file', [CompletionResultType]::ParameterName, 'Read items from FILE (or ''-'' for stdin): NDJSON or a JSON array of objects with the API''s field names, as the JSON output prints them; each item gets its own ClientToken')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Most requests in flight at once; lowered automatically while the API throttles, then raised again (AIMD)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]')
            [CompletionResult]::new('--signature-version', '--signature-version', [CompletionResultType]::ParameterName, 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Columns to show for table, tsv and value output, comma-separated (after --query)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Connection timeout in seconds [default: 5]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Timeout of one HTTP attempt in seconds [default: 30]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Overall deadline of the command''s API calls, retries included, in seconds [default: 300]')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Validate, print the exact request that would be sent (action, endpoint, parameters; secrets masked) and send nothing')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Wait until the resource is Available (after create/update) or gone (after delete); a failure state or the timeout exits 8')
            [CompletionResult]::new('--continue-on-error', '--continue-on-error', [CompletionResultType]::ParameterName, 'Keep going after an item fails (default: stop sending new items at the first failure)')
            [CompletionResult]::new('--allow-insecure-endpoint', '--allow-insecure-endpoint', [CompletionResultType]::ParameterName, 'Allow a plain-http endpoint that is not on loopback')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log every HTTP attempt to stderr (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour output (NO_COLOR is also respected)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show secrets such as the BGP AuthKey in output instead of masking them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgpeer;peer;update' {
            [CompletionResult]::new('--bgp-group-id', '--bgp-group-id', [CompletionResultType]::ParameterName, 'The peer''s group (API parameter BgpGroupId, bgpg-...)')
            [CompletionResult]::new('--peer-ip-address', '--peer-ip-address', [CompletionResultType]::ParameterName, 'New neighbour address (API parameter PeerIpAddress), of the peer''s IP version')
            [CompletionResult]::new('--peer-ip', '--peer-ip', [CompletionResultType]::ParameterName, 'New neighbour address (API parameter PeerIpAddress), of the peer''s IP version')
            [CompletionResult]::new('--enable-bfd', '--enable-bfd', [CompletionResultType]::ParameterName, 'BFD on or off (API parameter EnableBfd): --enable-bfd or --enable-bfd=false')
            [CompletionResult]::new('--bfd-multi-hop', '--bfd-multi-hop', [CompletionResultType]::ParameterName, 'BFD hop count (API parameter BfdMultiHop): 1-255, only with BFD enabled')
            [CompletionResult]::new('--client-token', '--client-token', [CompletionResultType]::ParameterName, 'Idempotency token (API parameter ClientToken): 1-64 printable ASCII characters; retrying with the same token never makes a second resource; with --from-file, item N without its own ClientToken gets TOKEN-N [default: a new UUID per operation, reused on every retry]')
            [CompletionResult]::new('--no-validate', '--no-validate', [CompletionResultType]::ParameterName, 'Skip one validation rule, repeatable or comma-separated, for values the API accepts but bgpeer''s checks do not')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting after SECS seconds (exit 8); the overall --deadline grows to cover it unless --deadline is given')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'First polling interval in seconds; later polls back off by 1.5x up to 5x this, at most 30 s')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]')
            [CompletionResult]::new('--signature-version', '--signature-version', [CompletionResultType]::ParameterName, 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Columns to show for table, tsv and value output, comma-separated (after --query)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Connection timeout in seconds [default: 5]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Timeout of one HTTP attempt in seconds [default: 30]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Overall deadline of the command''s API calls, retries included, in seconds [default: 300]')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Validate, print the exact request that would be sent (action, endpoint, parameters; secrets masked) and send nothing')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Wait until the resource is Available (after create/update) or gone (after delete); a failure state or the timeout exits 8')
            [CompletionResult]::new('--allow-insecure-endpoint', '--allow-insecure-endpoint', [CompletionResultType]::ParameterName, 'Allow a plain-http endpoint that is not on loopback')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log every HTTP attempt to stderr (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour output (NO_COLOR is also respected)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show secrets such as the BGP AuthKey in output instead of masking them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgpeer;peer;delete' {
            [CompletionResult]::new('--client-token', '--client-token', [CompletionResultType]::ParameterName, 'Idempotency token (API parameter ClientToken): 1-64 printable ASCII characters; retrying with the same token never makes a second resource; with --from-file, item N without its own ClientToken gets TOKEN-N [default: a new UUID per operation, reused on every retry]')
            [CompletionResult]::new('--no-validate', '--no-validate', [CompletionResultType]::ParameterName, 'Skip one validation rule, repeatable or comma-separated, for values the API accepts but bgpeer''s checks do not')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting after SECS seconds (exit 8); the overall --deadline grows to cover it unless --deadline is given')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'First polling interval in seconds; later polls back off by 1.5x up to 5x this, at most 30 s')
            [CompletionResult]::new('--from-file', '--from-file', [CompletionResultType]::ParameterName, 'Read items from FILE (or ''-'' for stdin): NDJSON or a JSON array of objects with the API''s field names, as the JSON output prints them; each item gets its own ClientToken')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Most requests in flight at once; lowered automatically while the API throttles, then raised again (AIMD)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]')
            [CompletionResult]::new('--signature-version', '--signature-version', [CompletionResultType]::ParameterName, 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Columns to show for table, tsv and value output, comma-separated (after --query)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Connection timeout in seconds [default: 5]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Timeout of one HTTP attempt in seconds [default: 30]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Overall deadline of the command''s API calls, retries included, in seconds [default: 300]')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Validate, print the exact request that would be sent (action, endpoint, parameters; secrets masked) and send nothing')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Wait until the resource is Available (after create/update) or gone (after delete); a failure state or the timeout exits 8')
            [CompletionResult]::new('--continue-on-error', '--continue-on-error', [CompletionResultType]::ParameterName, 'Keep going after an item fails (default: stop sending new items at the first failure)')
            [CompletionResult]::new('--allow-insecure-endpoint', '--allow-insecure-endpoint', [CompletionResultType]::ParameterName, 'Allow a plain-http endpoint that is not on loopback')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log every HTTP attempt to stderr (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour output (NO_COLOR is also respected)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show secrets such as the BGP AuthKey in output instead of masking them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgpeer;peer;wait' {
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'The state to wait for: available (Status), established (BgpStatus) or deleted')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting after SECS seconds (exit 8); the overall --deadline grows to cover it unless --deadline is given')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'First polling interval in seconds; later polls back off by 1.5x up to 5x this, at most 30 s')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]')
            [CompletionResult]::new('--signature-version', '--signature-version', [CompletionResultType]::ParameterName, 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Columns to show for table, tsv and value output, comma-separated (after --query)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Connection timeout in seconds [default: 5]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Timeout of one HTTP attempt in seconds [default: 30]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Overall deadline of the command''s API calls, retries included, in seconds [default: 300]')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]')
            [CompletionResult]::new('--allow-insecure-endpoint', '--allow-insecure-endpoint', [CompletionResultType]::ParameterName, 'Allow a plain-http endpoint that is not on loopback')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log every HTTP attempt to stderr (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour output (NO_COLOR is also respected)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show secrets such as the BGP AuthKey in output instead of masking them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgpeer;peer;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List BGP peers (every page), filtered by group, VBR or ID')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one BGP peer (exit 3 when it does not exist)')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Add a BGP peer to a group and print it (CreateBgpPeer); --from-file adds many')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a BGP peer and print it (ModifyBgpPeerAttribute)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a BGP peer (DeleteBgpPeer); --from-file deletes many')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until a peer is Available, its BGP session Established, or it is gone')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'bgpeer;peer;help;list' {
            break
        }
        'bgpeer;peer;help;show' {
            break
        }
        'bgpeer;peer;help;create' {
            break
        }
        'bgpeer;peer;help;update' {
            break
        }
        'bgpeer;peer;help;delete' {
            break
        }
        'bgpeer;peer;help;wait' {
            break
        }
        'bgpeer;peer;help;help' {
            break
        }
        'bgpeer;network' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]')
            [CompletionResult]::new('--signature-version', '--signature-version', [CompletionResultType]::ParameterName, 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Columns to show for table, tsv and value output, comma-separated (after --query)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Connection timeout in seconds [default: 5]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Timeout of one HTTP attempt in seconds [default: 30]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Overall deadline of the command''s API calls, retries included, in seconds [default: 300]')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]')
            [CompletionResult]::new('--allow-insecure-endpoint', '--allow-insecure-endpoint', [CompletionResultType]::ParameterName, 'Allow a plain-http endpoint that is not on loopback')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log every HTTP attempt to stderr (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour output (NO_COLOR is also respected)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show secrets such as the BGP AuthKey in output instead of masking them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List advertised networks (every page), optionally of one VBR')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Advertise a CIDR block over BGP from a VBR and print it (AddBgpNetwork); --from-file adds many')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Withdraw an advertised network (DeleteBgpNetwork); --from-file withdraws many')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'bgpeer;network;list' {
            [CompletionResult]::new('--router-id', '--router-id', [CompletionResultType]::ParameterName, 'Only the networks of this VBR (API parameter RouterId, vbr-...)')
            [CompletionResult]::new('--vbr-id', '--vbr-id', [CompletionResultType]::ParameterName, 'Only the networks of this VBR (API parameter RouterId, vbr-...)')
            [CompletionResult]::new('--dst-cidr-block', '--dst-cidr-block', [CompletionResultType]::ParameterName, 'Only this CIDR block (filtered by bgpeer: the API has no such filter)')
            [CompletionResult]::new('--vpc-id', '--vpc-id', [CompletionResultType]::ParameterName, 'Only the networks of this VPC (filtered by bgpeer: the API has no such filter)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Stop after N networks [default: all pages]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]')
            [CompletionResult]::new('--signature-version', '--signature-version', [CompletionResultType]::ParameterName, 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Columns to show for table, tsv and value output, comma-separated (after --query)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Connection timeout in seconds [default: 5]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Timeout of one HTTP attempt in seconds [default: 30]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Overall deadline of the command''s API calls, retries included, in seconds [default: 300]')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]')
            [CompletionResult]::new('--allow-insecure-endpoint', '--allow-insecure-endpoint', [CompletionResultType]::ParameterName, 'Allow a plain-http endpoint that is not on loopback')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log every HTTP attempt to stderr (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour output (NO_COLOR is also respected)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show secrets such as the BGP AuthKey in output instead of masking them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgpeer;network;add' {
            [CompletionResult]::new('--router-id', '--router-id', [CompletionResultType]::ParameterName, 'The VBR that advertises the network (API parameter RouterId, vbr-...) [required without --from-file]')
            [CompletionResult]::new('--vbr-id', '--vbr-id', [CompletionResultType]::ParameterName, 'The VBR that advertises the network (API parameter RouterId, vbr-...) [required without --from-file]')
            [CompletionResult]::new('--dst-cidr-block', '--dst-cidr-block', [CompletionResultType]::ParameterName, 'The CIDR block to advertise (API parameter DstCidrBlock), host bits zero, e.g. 192.168.0.0/24 [required without --from-file]')
            [CompletionResult]::new('--vpc-id', '--vpc-id', [CompletionResultType]::ParameterName, 'The VPC that owns the CIDR block (API parameter VpcId, vpc-...) [default: none]')
            [CompletionResult]::new('--client-token', '--client-token', [CompletionResultType]::ParameterName, 'Idempotency token (API parameter ClientToken): 1-64 printable ASCII characters; retrying with the same token never makes a second resource; with --from-file, item N without its own ClientToken gets TOKEN-N [default: a new UUID per operation, reused on every retry]')
            [CompletionResult]::new('--no-validate', '--no-validate', [CompletionResultType]::ParameterName, 'Skip one validation rule, repeatable or comma-separated, for values the API accepts but bgpeer''s checks do not')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting after SECS seconds (exit 8); the overall --deadline grows to cover it unless --deadline is given')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'First polling interval in seconds; later polls back off by 1.5x up to 5x this, at most 30 s')
            [CompletionResult]::new('--from-file', '--from-file', [CompletionResultType]::ParameterName, 'Read items from FILE (or ''-'' for stdin): NDJSON or a JSON array of objects with the API''s field names, as the JSON output prints them; each item gets its own ClientToken')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Most requests in flight at once; lowered automatically while the API throttles, then raised again (AIMD)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]')
            [CompletionResult]::new('--signature-version', '--signature-version', [CompletionResultType]::ParameterName, 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Columns to show for table, tsv and value output, comma-separated (after --query)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Connection timeout in seconds [default: 5]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Timeout of one HTTP attempt in seconds [default: 30]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Overall deadline of the command''s API calls, retries included, in seconds [default: 300]')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Validate, print the exact request that would be sent (action, endpoint, parameters; secrets masked) and send nothing')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Wait until the resource is Available (after create/update) or gone (after delete); a failure state or the timeout exits 8')
            [CompletionResult]::new('--continue-on-error', '--continue-on-error', [CompletionResultType]::ParameterName, 'Keep going after an item fails (default: stop sending new items at the first failure)')
            [CompletionResult]::new('--allow-insecure-endpoint', '--allow-insecure-endpoint', [CompletionResultType]::ParameterName, 'Allow a plain-http endpoint that is not on loopback')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log every HTTP attempt to stderr (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour output (NO_COLOR is also respected)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show secrets such as the BGP AuthKey in output instead of masking them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgpeer;network;delete' {
            [CompletionResult]::new('--router-id', '--router-id', [CompletionResultType]::ParameterName, 'The VBR (API parameter RouterId, vbr-...) [required without --from-file]')
            [CompletionResult]::new('--vbr-id', '--vbr-id', [CompletionResultType]::ParameterName, 'The VBR (API parameter RouterId, vbr-...) [required without --from-file]')
            [CompletionResult]::new('--dst-cidr-block', '--dst-cidr-block', [CompletionResultType]::ParameterName, 'The advertised CIDR block (API parameter DstCidrBlock) [required without --from-file]')
            [CompletionResult]::new('--client-token', '--client-token', [CompletionResultType]::ParameterName, 'Idempotency token (API parameter ClientToken): 1-64 printable ASCII characters; retrying with the same token never makes a second resource; with --from-file, item N without its own ClientToken gets TOKEN-N [default: a new UUID per operation, reused on every retry]')
            [CompletionResult]::new('--no-validate', '--no-validate', [CompletionResultType]::ParameterName, 'Skip one validation rule, repeatable or comma-separated, for values the API accepts but bgpeer''s checks do not')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting after SECS seconds (exit 8); the overall --deadline grows to cover it unless --deadline is given')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'First polling interval in seconds; later polls back off by 1.5x up to 5x this, at most 30 s')
            [CompletionResult]::new('--from-file', '--from-file', [CompletionResultType]::ParameterName, 'Read items from FILE (or ''-'' for stdin): NDJSON or a JSON array of objects with the API''s field names, as the JSON output prints them; each item gets its own ClientToken')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Most requests in flight at once; lowered automatically while the API throttles, then raised again (AIMD)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]')
            [CompletionResult]::new('--signature-version', '--signature-version', [CompletionResultType]::ParameterName, 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Columns to show for table, tsv and value output, comma-separated (after --query)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Connection timeout in seconds [default: 5]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Timeout of one HTTP attempt in seconds [default: 30]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Overall deadline of the command''s API calls, retries included, in seconds [default: 300]')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Validate, print the exact request that would be sent (action, endpoint, parameters; secrets masked) and send nothing')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Wait until the resource is Available (after create/update) or gone (after delete); a failure state or the timeout exits 8')
            [CompletionResult]::new('--continue-on-error', '--continue-on-error', [CompletionResultType]::ParameterName, 'Keep going after an item fails (default: stop sending new items at the first failure)')
            [CompletionResult]::new('--allow-insecure-endpoint', '--allow-insecure-endpoint', [CompletionResultType]::ParameterName, 'Allow a plain-http endpoint that is not on loopback')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log every HTTP attempt to stderr (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour output (NO_COLOR is also respected)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show secrets such as the BGP AuthKey in output instead of masking them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgpeer;network;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List advertised networks (every page), optionally of one VBR')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Advertise a CIDR block over BGP from a VBR and print it (AddBgpNetwork); --from-file adds many')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Withdraw an advertised network (DeleteBgpNetwork); --from-file withdraws many')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'bgpeer;network;help;list' {
            break
        }
        'bgpeer;network;help;add' {
            break
        }
        'bgpeer;network;help;delete' {
            break
        }
        'bgpeer;network;help;help' {
            break
        }
        'bgpeer;vbr' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]')
            [CompletionResult]::new('--signature-version', '--signature-version', [CompletionResultType]::ParameterName, 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Columns to show for table, tsv and value output, comma-separated (after --query)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Connection timeout in seconds [default: 5]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Timeout of one HTTP attempt in seconds [default: 30]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Overall deadline of the command''s API calls, retries included, in seconds [default: 300]')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]')
            [CompletionResult]::new('--allow-insecure-endpoint', '--allow-insecure-endpoint', [CompletionResultType]::ParameterName, 'Allow a plain-http endpoint that is not on loopback')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log every HTTP attempt to stderr (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour output (NO_COLOR is also respected)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show secrets such as the BGP AuthKey in output instead of masking them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the virtual border routers of the region (every page)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'The whole BGP picture of one VBR: its groups, their peers, and its advertised networks')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'bgpeer;vbr;list' {
            [CompletionResult]::new('--vbr-id', '--vbr-id', [CompletionResultType]::ParameterName, 'Only these VBRs (API Filter Key=VbrId); repeatable or comma-separated [default: all]')
            [CompletionResult]::new('--router-id', '--router-id', [CompletionResultType]::ParameterName, 'Only these VBRs (API Filter Key=VbrId); repeatable or comma-separated [default: all]')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only VBRs in this state (API Filter Key=Status); repeatable or comma-separated [default: any state]')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Only VBRs with this exact name (API Filter Key=Name); repeatable [default: any name]')
            [CompletionResult]::new('--physical-connection-id', '--physical-connection-id', [CompletionResultType]::ParameterName, 'Only VBRs on this Express Connect circuit (API Filter Key=PhysicalConnectionId); repeatable or comma-separated [default: any]')
            [CompletionResult]::new('--access-point-id', '--access-point-id', [CompletionResultType]::ParameterName, 'Only VBRs at this access point (API Filter Key=AccessPointId); repeatable or comma-separated [default: any]')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Stop after N VBRs instead of fetching every page [default: no limit]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]')
            [CompletionResult]::new('--signature-version', '--signature-version', [CompletionResultType]::ParameterName, 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Columns to show for table, tsv and value output, comma-separated (after --query)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Connection timeout in seconds [default: 5]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Timeout of one HTTP attempt in seconds [default: 30]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Overall deadline of the command''s API calls, retries included, in seconds [default: 300]')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]')
            [CompletionResult]::new('--allow-insecure-endpoint', '--allow-insecure-endpoint', [CompletionResultType]::ParameterName, 'Allow a plain-http endpoint that is not on loopback')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log every HTTP attempt to stderr (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour output (NO_COLOR is also respected)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show secrets such as the BGP AuthKey in output instead of masking them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgpeer;vbr;show' {
            [CompletionResult]::new('--no-validate', '--no-validate', [CompletionResultType]::ParameterName, 'Skip one validation rule before sending (here: id-prefix); repeatable [default: check all]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]')
            [CompletionResult]::new('--signature-version', '--signature-version', [CompletionResultType]::ParameterName, 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Columns to show for table, tsv and value output, comma-separated (after --query)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Connection timeout in seconds [default: 5]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Timeout of one HTTP attempt in seconds [default: 30]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Overall deadline of the command''s API calls, retries included, in seconds [default: 300]')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]')
            [CompletionResult]::new('--allow-insecure-endpoint', '--allow-insecure-endpoint', [CompletionResultType]::ParameterName, 'Allow a plain-http endpoint that is not on loopback')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log every HTTP attempt to stderr (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour output (NO_COLOR is also respected)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show secrets such as the BGP AuthKey in output instead of masking them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgpeer;vbr;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the virtual border routers of the region (every page)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'The whole BGP picture of one VBR: its groups, their peers, and its advertised networks')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'bgpeer;vbr;help;list' {
            break
        }
        'bgpeer;vbr;help;show' {
            break
        }
        'bgpeer;vbr;help;help' {
            break
        }
        'bgpeer;region' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]')
            [CompletionResult]::new('--signature-version', '--signature-version', [CompletionResultType]::ParameterName, 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Columns to show for table, tsv and value output, comma-separated (after --query)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Connection timeout in seconds [default: 5]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Timeout of one HTTP attempt in seconds [default: 30]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Overall deadline of the command''s API calls, retries included, in seconds [default: 300]')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]')
            [CompletionResult]::new('--allow-insecure-endpoint', '--allow-insecure-endpoint', [CompletionResultType]::ParameterName, 'Allow a plain-http endpoint that is not on loopback')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log every HTTP attempt to stderr (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour output (NO_COLOR is also respected)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show secrets such as the BGP AuthKey in output instead of masking them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the regions the VPC API serves, with their endpoints')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'bgpeer;region;list' {
            [CompletionResult]::new('--accept-language', '--accept-language', [CompletionResultType]::ParameterName, 'Language of LocalName (API parameter AcceptLanguage)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]')
            [CompletionResult]::new('--signature-version', '--signature-version', [CompletionResultType]::ParameterName, 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Columns to show for table, tsv and value output, comma-separated (after --query)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Connection timeout in seconds [default: 5]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Timeout of one HTTP attempt in seconds [default: 30]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Overall deadline of the command''s API calls, retries included, in seconds [default: 300]')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]')
            [CompletionResult]::new('--allow-insecure-endpoint', '--allow-insecure-endpoint', [CompletionResultType]::ParameterName, 'Allow a plain-http endpoint that is not on loopback')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log every HTTP attempt to stderr (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour output (NO_COLOR is also respected)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show secrets such as the BGP AuthKey in output instead of masking them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgpeer;region;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the regions the VPC API serves, with their endpoints')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'bgpeer;region;help;list' {
            break
        }
        'bgpeer;region;help;help' {
            break
        }
        'bgpeer;export' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]')
            [CompletionResult]::new('--signature-version', '--signature-version', [CompletionResultType]::ParameterName, 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Columns to show for table, tsv and value output, comma-separated (after --query)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Connection timeout in seconds [default: 5]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Timeout of one HTTP attempt in seconds [default: 30]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Overall deadline of the command''s API calls, retries included, in seconds [default: 300]')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Export every VBR of the region')
            [CompletionResult]::new('--allow-insecure-endpoint', '--allow-insecure-endpoint', [CompletionResultType]::ParameterName, 'Allow a plain-http endpoint that is not on loopback')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log every HTTP attempt to stderr (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour output (NO_COLOR is also respected)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show secrets such as the BGP AuthKey in output instead of masking them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgpeer;plan' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The declarative file (YAML or JSON), or ''-'' for stdin')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The declarative file (YAML or JSON), or ''-'' for stdin')
            [CompletionResult]::new('--no-validate', '--no-validate', [CompletionResultType]::ParameterName, 'Skip one validation rule, repeatable or comma-separated, for values the API accepts but bgpeer''s checks do not')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Most requests in flight at once per region; lowered automatically while the API throttles')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Save the plan, with a fingerprint of the live set-up it was made from, for `bgpeer apply PLAN`')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]')
            [CompletionResult]::new('--signature-version', '--signature-version', [CompletionResultType]::ParameterName, 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Columns to show for table, tsv and value output, comma-separated (after --query)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Connection timeout in seconds [default: 5]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Timeout of one HTTP attempt in seconds [default: 30]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Overall deadline of the command''s API calls, retries included, in seconds [default: 300]')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]')
            [CompletionResult]::new('--prune', '--prune', [CompletionResultType]::ParameterName, 'Delete live objects the file does not mention (only within the VBRs the file names)')
            [CompletionResult]::new('--detailed-exitcode', '--detailed-exitcode', [CompletionResultType]::ParameterName, 'Exit 10 when the plan has changes (0 when it has none), so CI can gate on drift')
            [CompletionResult]::new('--allow-insecure-endpoint', '--allow-insecure-endpoint', [CompletionResultType]::ParameterName, 'Allow a plain-http endpoint that is not on loopback')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log every HTTP attempt to stderr (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour output (NO_COLOR is also respected)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show secrets such as the BGP AuthKey in output instead of masking them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgpeer;apply' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The declarative file (YAML or JSON), or ''-'' for stdin (then --yes is needed)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The declarative file (YAML or JSON), or ''-'' for stdin (then --yes is needed)')
            [CompletionResult]::new('--no-validate', '--no-validate', [CompletionResultType]::ParameterName, 'Skip one validation rule, repeatable or comma-separated, for values the API accepts but bgpeer''s checks do not')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Most requests in flight at once per region; lowered automatically while the API throttles')
            [CompletionResult]::new('--wait-established', '--wait-established', [CompletionResultType]::ParameterName, 'After applying, wait up to SECS for every created or changed peer''s session to be Established (exit 8 if it is not)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting for an object to be Available or gone after SECS seconds (exit 8)')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'First polling interval of those waits, in seconds (later polls back off up to 5x)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]')
            [CompletionResult]::new('--signature-version', '--signature-version', [CompletionResultType]::ParameterName, 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Columns to show for table, tsv and value output, comma-separated (after --query)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Connection timeout in seconds [default: 5]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Timeout of one HTTP attempt in seconds [default: 30]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Overall deadline of the command''s API calls, retries included, in seconds [default: 300]')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]')
            [CompletionResult]::new('--prune', '--prune', [CompletionResultType]::ParameterName, 'Delete live objects the file does not mention (only within the VBRs the file names)')
            [CompletionResult]::new('--allow-replace', '--allow-replace', [CompletionResultType]::ParameterName, 'Allow changes that replace an object (delete, then create), which drops its BGP sessions; without it, a terminal asks, naming them, and a script is refused')
            [CompletionResult]::new('--rollback-on-failure', '--rollback-on-failure', [CompletionResultType]::ParameterName, 'With --wait-established: if the sessions do not come up in time, undo what this apply did (restore updated fields, delete what it created, re-create what it deleted)')
            [CompletionResult]::new('--allow-insecure-endpoint', '--allow-insecure-endpoint', [CompletionResultType]::ParameterName, 'Allow a plain-http endpoint that is not on loopback')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log every HTTP attempt to stderr (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour output (NO_COLOR is also respected)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show secrets such as the BGP AuthKey in output instead of masking them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgpeer;api' {
            [CompletionResult]::new('--param', '--param', [CompletionResultType]::ParameterName, 'An API parameter as KEY=VALUE; repeatable, a repeated KEY becomes KEY.1, KEY.2, ... [default: none]')
            [CompletionResult]::new('--client-token', '--client-token', [CompletionResultType]::ParameterName, 'Idempotency token (API parameter ClientToken, 1-64 ASCII characters) for mutating actions [default: a fresh UUID, reused on every retry of this call]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]')
            [CompletionResult]::new('--signature-version', '--signature-version', [CompletionResultType]::ParameterName, 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Columns to show for table, tsv and value output, comma-separated (after --query)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Connection timeout in seconds [default: 5]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Timeout of one HTTP attempt in seconds [default: 30]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Overall deadline of the command''s API calls, retries included, in seconds [default: 300]')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]')
            [CompletionResult]::new('--allow-insecure-endpoint', '--allow-insecure-endpoint', [CompletionResultType]::ParameterName, 'Allow a plain-http endpoint that is not on loopback')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log every HTTP attempt to stderr (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour output (NO_COLOR is also respected)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show secrets such as the BGP AuthKey in output instead of masking them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgpeer;configure' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]')
            [CompletionResult]::new('--signature-version', '--signature-version', [CompletionResultType]::ParameterName, 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Columns to show for table, tsv and value output, comma-separated (after --query)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Connection timeout in seconds [default: 5]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Timeout of one HTTP attempt in seconds [default: 30]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Overall deadline of the command''s API calls, retries included, in seconds [default: 300]')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]')
            [CompletionResult]::new('--allow-insecure-endpoint', '--allow-insecure-endpoint', [CompletionResultType]::ParameterName, 'Allow a plain-http endpoint that is not on loopback')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log every HTTP attempt to stderr (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour output (NO_COLOR is also respected)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show secrets such as the BGP AuthKey in output instead of masking them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Create or update the profile named by --profile (secrets from stdin or an environment variable, never argv)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List profiles and where each effective setting comes from')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print one effective setting of the active profile (secrets are never printed)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a profile from bgpeer''s config file')
            [CompletionResult]::new('switch', 'switch', [CompletionResultType]::ParameterValue, 'Make a profile the current one (used when no --profile or BGPEER_PROFILE is given)')
            [CompletionResult]::new('export-credentials', 'export-credentials', [CompletionResultType]::ParameterValue, 'Print the active credentials for another tool (resolved through the whole chain; secrets!)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'bgpeer;configure;set' {
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'Credential mode: AK, StsToken, RamRoleArn, ChainableRamRoleArn, EcsRamRole, OIDC, External, CredentialsURI')
            [CompletionResult]::new('--access-key-id', '--access-key-id', [CompletionResultType]::ParameterName, 'AccessKey ID (AK, StsToken, RamRoleArn)')
            [CompletionResult]::new('--access-key-secret-from', '--access-key-secret-from', [CompletionResultType]::ParameterName, 'Where to read the AccessKey secret: `stdin` (first line) or `env:VAR`')
            [CompletionResult]::new('--security-token-from', '--security-token-from', [CompletionResultType]::ParameterName, 'Where to read the STS security token (StsToken): `stdin` or `env:VAR`')
            [CompletionResult]::new('--role-arn', '--role-arn', [CompletionResultType]::ParameterName, 'Role to assume (RamRoleArn, ChainableRamRoleArn, OIDC), acs:ram::<account>:role/<name>')
            [CompletionResult]::new('--role-session-name', '--role-session-name', [CompletionResultType]::ParameterName, 'Session name for AssumeRole and AssumeRoleWithOIDC [default: bgpeer-<unix time>]')
            [CompletionResult]::new('--duration-seconds', '--duration-seconds', [CompletionResultType]::ParameterName, 'Lifetime of the temporary credentials in seconds (900 or more) [default: 3600]')
            [CompletionResult]::new('--external-id', '--external-id', [CompletionResultType]::ParameterName, 'ExternalId for AssumeRole')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'Inline policy for AssumeRole and AssumeRoleWithOIDC (JSON)')
            [CompletionResult]::new('--sts-region', '--sts-region', [CompletionResultType]::ParameterName, 'STS region (endpoint sts.<region>.aliyuncs.com)')
            [CompletionResult]::new('--sts-endpoint', '--sts-endpoint', [CompletionResultType]::ParameterName, 'STS endpoint, a host or URL (overrides --sts-region)')
            [CompletionResult]::new('--oidc-provider-arn', '--oidc-provider-arn', [CompletionResultType]::ParameterName, 'RAM OIDC identity provider (OIDC), acs:ram::<account>:oidc-provider/<name>')
            [CompletionResult]::new('--oidc-token-file', '--oidc-token-file', [CompletionResultType]::ParameterName, 'File holding the OIDC token, read again on every refresh (OIDC)')
            [CompletionResult]::new('--source-profile', '--source-profile', [CompletionResultType]::ParameterName, 'Profile whose credentials assume the role (ChainableRamRoleArn)')
            [CompletionResult]::new('--role-name', '--role-name', [CompletionResultType]::ParameterName, 'RAM role of the ECS instance (EcsRamRole) [default: discovered]')
            [CompletionResult]::new('--process-command', '--process-command', [CompletionResultType]::ParameterName, 'Command that prints credentials JSON (External)')
            [CompletionResult]::new('--credentials-uri', '--credentials-uri', [CompletionResultType]::ParameterName, 'URL that serves credentials JSON (CredentialsURI)')
            [CompletionResult]::new('--unset', '--unset', [CompletionResultType]::ParameterName, 'Remove a key from the profile (repeatable), e.g. --unset endpoint')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]')
            [CompletionResult]::new('--signature-version', '--signature-version', [CompletionResultType]::ParameterName, 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Columns to show for table, tsv and value output, comma-separated (after --query)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Connection timeout in seconds [default: 5]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Timeout of one HTTP attempt in seconds [default: 30]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Overall deadline of the command''s API calls, retries included, in seconds [default: 300]')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]')
            [CompletionResult]::new('--enable-vpc', '--enable-vpc', [CompletionResultType]::ParameterName, 'Call STS at its VPC endpoint sts-vpc.<sts region>.aliyuncs.com (OIDC)')
            [CompletionResult]::new('--allow-insecure-endpoint', '--allow-insecure-endpoint', [CompletionResultType]::ParameterName, 'Allow a plain-http endpoint that is not on loopback')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log every HTTP attempt to stderr (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour output (NO_COLOR is also respected)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show secrets such as the BGP AuthKey in output instead of masking them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgpeer;configure;list' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]')
            [CompletionResult]::new('--signature-version', '--signature-version', [CompletionResultType]::ParameterName, 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Columns to show for table, tsv and value output, comma-separated (after --query)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Connection timeout in seconds [default: 5]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Timeout of one HTTP attempt in seconds [default: 30]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Overall deadline of the command''s API calls, retries included, in seconds [default: 300]')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]')
            [CompletionResult]::new('--allow-insecure-endpoint', '--allow-insecure-endpoint', [CompletionResultType]::ParameterName, 'Allow a plain-http endpoint that is not on loopback')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log every HTTP attempt to stderr (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour output (NO_COLOR is also respected)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show secrets such as the BGP AuthKey in output instead of masking them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgpeer;configure;get' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]')
            [CompletionResult]::new('--signature-version', '--signature-version', [CompletionResultType]::ParameterName, 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Columns to show for table, tsv and value output, comma-separated (after --query)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Connection timeout in seconds [default: 5]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Timeout of one HTTP attempt in seconds [default: 30]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Overall deadline of the command''s API calls, retries included, in seconds [default: 300]')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]')
            [CompletionResult]::new('--allow-insecure-endpoint', '--allow-insecure-endpoint', [CompletionResultType]::ParameterName, 'Allow a plain-http endpoint that is not on loopback')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log every HTTP attempt to stderr (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour output (NO_COLOR is also respected)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show secrets such as the BGP AuthKey in output instead of masking them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgpeer;configure;delete' {
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]')
            [CompletionResult]::new('--signature-version', '--signature-version', [CompletionResultType]::ParameterName, 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Columns to show for table, tsv and value output, comma-separated (after --query)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Connection timeout in seconds [default: 5]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Timeout of one HTTP attempt in seconds [default: 30]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Overall deadline of the command''s API calls, retries included, in seconds [default: 300]')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]')
            [CompletionResult]::new('--allow-insecure-endpoint', '--allow-insecure-endpoint', [CompletionResultType]::ParameterName, 'Allow a plain-http endpoint that is not on loopback')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log every HTTP attempt to stderr (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour output (NO_COLOR is also respected)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show secrets such as the BGP AuthKey in output instead of masking them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgpeer;configure;switch' {
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]')
            [CompletionResult]::new('--signature-version', '--signature-version', [CompletionResultType]::ParameterName, 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Columns to show for table, tsv and value output, comma-separated (after --query)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Connection timeout in seconds [default: 5]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Timeout of one HTTP attempt in seconds [default: 30]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Overall deadline of the command''s API calls, retries included, in seconds [default: 300]')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]')
            [CompletionResult]::new('--allow-insecure-endpoint', '--allow-insecure-endpoint', [CompletionResultType]::ParameterName, 'Allow a plain-http endpoint that is not on loopback')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log every HTTP attempt to stderr (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour output (NO_COLOR is also respected)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show secrets such as the BGP AuthKey in output instead of masking them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgpeer;configure;export-credentials' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print them (`--output` does not apply)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]')
            [CompletionResult]::new('--signature-version', '--signature-version', [CompletionResultType]::ParameterName, 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Columns to show for table, tsv and value output, comma-separated (after --query)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Connection timeout in seconds [default: 5]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Timeout of one HTTP attempt in seconds [default: 30]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Overall deadline of the command''s API calls, retries included, in seconds [default: 300]')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]')
            [CompletionResult]::new('--allow-insecure-endpoint', '--allow-insecure-endpoint', [CompletionResultType]::ParameterName, 'Allow a plain-http endpoint that is not on loopback')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log every HTTP attempt to stderr (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour output (NO_COLOR is also respected)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show secrets such as the BGP AuthKey in output instead of masking them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgpeer;configure;help' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Create or update the profile named by --profile (secrets from stdin or an environment variable, never argv)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List profiles and where each effective setting comes from')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print one effective setting of the active profile (secrets are never printed)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a profile from bgpeer''s config file')
            [CompletionResult]::new('switch', 'switch', [CompletionResultType]::ParameterValue, 'Make a profile the current one (used when no --profile or BGPEER_PROFILE is given)')
            [CompletionResult]::new('export-credentials', 'export-credentials', [CompletionResultType]::ParameterValue, 'Print the active credentials for another tool (resolved through the whole chain; secrets!)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'bgpeer;configure;help;set' {
            break
        }
        'bgpeer;configure;help;list' {
            break
        }
        'bgpeer;configure;help;get' {
            break
        }
        'bgpeer;configure;help;delete' {
            break
        }
        'bgpeer;configure;help;switch' {
            break
        }
        'bgpeer;configure;help;export-credentials' {
            break
        }
        'bgpeer;configure;help;help' {
            break
        }
        'bgpeer;whoami' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]')
            [CompletionResult]::new('--signature-version', '--signature-version', [CompletionResultType]::ParameterName, 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Columns to show for table, tsv and value output, comma-separated (after --query)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Connection timeout in seconds [default: 5]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Timeout of one HTTP attempt in seconds [default: 30]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Overall deadline of the command''s API calls, retries included, in seconds [default: 300]')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]')
            [CompletionResult]::new('--allow-insecure-endpoint', '--allow-insecure-endpoint', [CompletionResultType]::ParameterName, 'Allow a plain-http endpoint that is not on loopback')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log every HTTP attempt to stderr (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour output (NO_COLOR is also respected)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show secrets such as the BGP AuthKey in output instead of masking them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgpeer;emulator' {
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Address to listen on; port 0 picks a free one')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Persist state in FILE (created with the seeded world when missing) [default: in memory]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Accept this AccessKey pair instead of the well-known test key (repeatable)')
            [CompletionResult]::new('--settle-ms', '--settle-ms', [CompletionResultType]::ParameterName, 'How long new or changed objects stay Pending/Modifying/Deleting, in milliseconds')
            [CompletionResult]::new('--ready-file', '--ready-file', [CompletionResultType]::ParameterName, 'Write the bound IP:PORT (https://IP:PORT with TLS) to FILE once listening')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'Serve HTTPS with this certificate chain (PEM, server certificate first); needs --tls-key')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'The private key of --tls-cert (PEM: PKCS#8, PKCS#1 or SEC1)')
            [CompletionResult]::new('--tls-ca-out', '--tls-ca-out', [CompletionResultType]::ParameterName, 'Write the throw-away CA''s certificate (PEM) to FILE, for clients to trust')
            [CompletionResult]::new('--fault', '--fault', [CompletionResultType]::ParameterName, 'A fault to inject from the start, e.g. kind=error,code=ServiceUnavailable,rate=0.5 (repeatable)')
            [CompletionResult]::new('--accept-token', '--accept-token', [CompletionResultType]::ParameterName, 'An identity token to accept, KIND=TOKEN or KIND=@FILE (the token in a file), KIND one of oidc, cloud_sso, oauth_refresh (repeatable)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]')
            [CompletionResult]::new('--signature-version', '--signature-version', [CompletionResultType]::ParameterName, 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Columns to show for table, tsv and value output, comma-separated (after --query)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Connection timeout in seconds [default: 5]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Timeout of one HTTP attempt in seconds [default: 30]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Overall deadline of the command''s API calls, retries included, in seconds [default: 300]')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]')
            [CompletionResult]::new('--allow-remote', '--allow-remote', [CompletionResultType]::ParameterName, 'Allow a --listen address that is not loopback (the emulator accepts a well-known key)')
            [CompletionResult]::new('--tls-self-signed', '--tls-self-signed', [CompletionResultType]::ParameterName, 'Serve HTTPS with a throw-away CA made at start-up, for localhost, 127.0.0.1 and ::1')
            [CompletionResult]::new('--tls-only', '--tls-only', [CompletionResultType]::ParameterName, 'Refuse plain HTTP (by default HTTPS and HTTP share the port); it gets InvalidProtocol.NeedSsl')
            [CompletionResult]::new('--allow-insecure-endpoint', '--allow-insecure-endpoint', [CompletionResultType]::ParameterName, 'Allow a plain-http endpoint that is not on loopback')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log every HTTP attempt to stderr (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour output (NO_COLOR is also respected)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show secrets such as the BGP AuthKey in output instead of masking them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the emulated API (the default when no verb is given)')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Restore the seeded state')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'bgpeer;emulator;serve' {
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Address to listen on; port 0 picks a free one')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Persist state in FILE (created with the seeded world when missing) [default: in memory]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Accept this AccessKey pair instead of the well-known test key (repeatable)')
            [CompletionResult]::new('--settle-ms', '--settle-ms', [CompletionResultType]::ParameterName, 'How long new or changed objects stay Pending/Modifying/Deleting, in milliseconds')
            [CompletionResult]::new('--ready-file', '--ready-file', [CompletionResultType]::ParameterName, 'Write the bound IP:PORT (https://IP:PORT with TLS) to FILE once listening')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'Serve HTTPS with this certificate chain (PEM, server certificate first); needs --tls-key')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'The private key of --tls-cert (PEM: PKCS#8, PKCS#1 or SEC1)')
            [CompletionResult]::new('--tls-ca-out', '--tls-ca-out', [CompletionResultType]::ParameterName, 'Write the throw-away CA''s certificate (PEM) to FILE, for clients to trust')
            [CompletionResult]::new('--fault', '--fault', [CompletionResultType]::ParameterName, 'A fault to inject from the start, e.g. kind=error,code=ServiceUnavailable,rate=0.5 (repeatable)')
            [CompletionResult]::new('--accept-token', '--accept-token', [CompletionResultType]::ParameterName, 'An identity token to accept, KIND=TOKEN or KIND=@FILE (the token in a file), KIND one of oidc, cloud_sso, oauth_refresh (repeatable)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]')
            [CompletionResult]::new('--signature-version', '--signature-version', [CompletionResultType]::ParameterName, 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Columns to show for table, tsv and value output, comma-separated (after --query)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Connection timeout in seconds [default: 5]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Timeout of one HTTP attempt in seconds [default: 30]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Overall deadline of the command''s API calls, retries included, in seconds [default: 300]')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]')
            [CompletionResult]::new('--allow-remote', '--allow-remote', [CompletionResultType]::ParameterName, 'Allow a --listen address that is not loopback (the emulator accepts a well-known key)')
            [CompletionResult]::new('--tls-self-signed', '--tls-self-signed', [CompletionResultType]::ParameterName, 'Serve HTTPS with a throw-away CA made at start-up, for localhost, 127.0.0.1 and ::1')
            [CompletionResult]::new('--tls-only', '--tls-only', [CompletionResultType]::ParameterName, 'Refuse plain HTTP (by default HTTPS and HTTP share the port); it gets InvalidProtocol.NeedSsl')
            [CompletionResult]::new('--allow-insecure-endpoint', '--allow-insecure-endpoint', [CompletionResultType]::ParameterName, 'Allow a plain-http endpoint that is not on loopback')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log every HTTP attempt to stderr (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour output (NO_COLOR is also respected)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show secrets such as the BGP AuthKey in output instead of masking them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgpeer;emulator;reset' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'The state file to reset [default: the built-in emulator profile''s state]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]')
            [CompletionResult]::new('--signature-version', '--signature-version', [CompletionResultType]::ParameterName, 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Columns to show for table, tsv and value output, comma-separated (after --query)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Connection timeout in seconds [default: 5]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Timeout of one HTTP attempt in seconds [default: 30]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Overall deadline of the command''s API calls, retries included, in seconds [default: 300]')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]')
            [CompletionResult]::new('--allow-insecure-endpoint', '--allow-insecure-endpoint', [CompletionResultType]::ParameterName, 'Allow a plain-http endpoint that is not on loopback')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log every HTTP attempt to stderr (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour output (NO_COLOR is also respected)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show secrets such as the BGP AuthKey in output instead of masking them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgpeer;emulator;help' {
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the emulated API (the default when no verb is given)')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Restore the seeded state')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'bgpeer;emulator;help;serve' {
            break
        }
        'bgpeer;emulator;help;reset' {
            break
        }
        'bgpeer;emulator;help;help' {
            break
        }
        'bgpeer;completions' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (`emulator` is built in: a local emulator, no account needed)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region (API parameter RegionId), e.g. cn-shanghai')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]')
            [CompletionResult]::new('--signature-version', '--signature-version', [CompletionResultType]::ParameterName, 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Columns to show for table, tsv and value output, comma-separated (after --query)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Connection timeout in seconds [default: 5]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Timeout of one HTTP attempt in seconds [default: 30]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Overall deadline of the command''s API calls, retries included, in seconds [default: 300]')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]')
            [CompletionResult]::new('--allow-insecure-endpoint', '--allow-insecure-endpoint', [CompletionResultType]::ParameterName, 'Allow a plain-http endpoint that is not on loopback')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log every HTTP attempt to stderr (secrets masked)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Silence notices, progress and warnings on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour output (NO_COLOR is also respected)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for deletes when stdin is not a terminal)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show secrets such as the BGP AuthKey in output instead of masking them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgpeer;help' {
            [CompletionResult]::new('group', 'group', [CompletionResultType]::ParameterValue, 'BGP groups on a VBR')
            [CompletionResult]::new('peer', 'peer', [CompletionResultType]::ParameterValue, 'BGP peers in a group')
            [CompletionResult]::new('network', 'network', [CompletionResultType]::ParameterValue, 'Networks advertised over BGP by a VBR')
            [CompletionResult]::new('vbr', 'vbr', [CompletionResultType]::ParameterValue, 'Virtual border routers and their whole BGP picture')
            [CompletionResult]::new('region', 'region', [CompletionResultType]::ParameterValue, 'Regions')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the live BGP set-up of VBRs as a declarative file (YAML, or JSON)')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Show what `apply` would change to make the live set-up match a file')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Make the live BGP set-up match a file (or a saved plan)')
            [CompletionResult]::new('api', 'api', [CompletionResultType]::ParameterValue, 'A signed call to any VPC action, raw JSON out')
            [CompletionResult]::new('configure', 'configure', [CompletionResultType]::ParameterValue, 'Profiles and credentials')
            [CompletionResult]::new('whoami', 'whoami', [CompletionResultType]::ParameterValue, 'Which profile and credentials are in use, and whether they work')
            [CompletionResult]::new('emulator', 'emulator', [CompletionResultType]::ParameterValue, 'Run the local emulator of the VPC BGP API')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'bgpeer;help;group' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List BGP groups (every page), optionally of one VBR')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one BGP group (exit 3 when it does not exist)')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a BGP group on a VBR and print it (CreateBgpGroup)')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a BGP group and print it (ModifyBgpGroupAttribute)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a BGP group (DeleteBgpGroup); --cascade deletes its peers first')
            break
        }
        'bgpeer;help;group;list' {
            break
        }
        'bgpeer;help;group;show' {
            break
        }
        'bgpeer;help;group;create' {
            break
        }
        'bgpeer;help;group;update' {
            break
        }
        'bgpeer;help;group;delete' {
            break
        }
        'bgpeer;help;peer' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List BGP peers (every page), filtered by group, VBR or ID')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one BGP peer (exit 3 when it does not exist)')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Add a BGP peer to a group and print it (CreateBgpPeer); --from-file adds many')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a BGP peer and print it (ModifyBgpPeerAttribute)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a BGP peer (DeleteBgpPeer); --from-file deletes many')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until a peer is Available, its BGP session Established, or it is gone')
            break
        }
        'bgpeer;help;peer;list' {
            break
        }
        'bgpeer;help;peer;show' {
            break
        }
        'bgpeer;help;peer;create' {
            break
        }
        'bgpeer;help;peer;update' {
            break
        }
        'bgpeer;help;peer;delete' {
            break
        }
        'bgpeer;help;peer;wait' {
            break
        }
        'bgpeer;help;network' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List advertised networks (every page), optionally of one VBR')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Advertise a CIDR block over BGP from a VBR and print it (AddBgpNetwork); --from-file adds many')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Withdraw an advertised network (DeleteBgpNetwork); --from-file withdraws many')
            break
        }
        'bgpeer;help;network;list' {
            break
        }
        'bgpeer;help;network;add' {
            break
        }
        'bgpeer;help;network;delete' {
            break
        }
        'bgpeer;help;vbr' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the virtual border routers of the region (every page)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'The whole BGP picture of one VBR: its groups, their peers, and its advertised networks')
            break
        }
        'bgpeer;help;vbr;list' {
            break
        }
        'bgpeer;help;vbr;show' {
            break
        }
        'bgpeer;help;region' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the regions the VPC API serves, with their endpoints')
            break
        }
        'bgpeer;help;region;list' {
            break
        }
        'bgpeer;help;export' {
            break
        }
        'bgpeer;help;plan' {
            break
        }
        'bgpeer;help;apply' {
            break
        }
        'bgpeer;help;api' {
            break
        }
        'bgpeer;help;configure' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Create or update the profile named by --profile (secrets from stdin or an environment variable, never argv)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List profiles and where each effective setting comes from')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print one effective setting of the active profile (secrets are never printed)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a profile from bgpeer''s config file')
            [CompletionResult]::new('switch', 'switch', [CompletionResultType]::ParameterValue, 'Make a profile the current one (used when no --profile or BGPEER_PROFILE is given)')
            [CompletionResult]::new('export-credentials', 'export-credentials', [CompletionResultType]::ParameterValue, 'Print the active credentials for another tool (resolved through the whole chain; secrets!)')
            break
        }
        'bgpeer;help;configure;set' {
            break
        }
        'bgpeer;help;configure;list' {
            break
        }
        'bgpeer;help;configure;get' {
            break
        }
        'bgpeer;help;configure;delete' {
            break
        }
        'bgpeer;help;configure;switch' {
            break
        }
        'bgpeer;help;configure;export-credentials' {
            break
        }
        'bgpeer;help;whoami' {
            break
        }
        'bgpeer;help;emulator' {
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the emulated API (the default when no verb is given)')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Restore the seeded state')
            break
        }
        'bgpeer;help;emulator;serve' {
            break
        }
        'bgpeer;help;emulator;reset' {
            break
        }
        'bgpeer;help;completions' {
            break
        }
        'bgpeer;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
