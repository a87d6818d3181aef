# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_bgpeer_global_optspecs
    string join \n p/profile= r/region= endpoint= allow-insecure-endpoint ca-bundle= signature-version= o/output= fields= query= error-format= debug q/quiet no-color y/yes show-secrets connect-timeout= read-timeout= deadline= max-attempts= h/help V/version
end

function __fish_bgpeer_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    # An option still waiting for its value (`bgpeer --output <TAB>`) fails argparse: the
    # command line is still at the top level, so the top-level candidates apply.
    argparse -s (__fish_bgpeer_global_optspecs) -- $cmd 2>/dev/null
    or return 0
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_bgpeer_using_subcommand
    set -l cmd (__fish_bgpeer_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c bgpeer -n "__fish_bgpeer_needs_command" -s p -l profile -d 'Profile to use (`emulator` is built in: a local emulator, no account needed)' -r
complete -c bgpeer -n "__fish_bgpeer_needs_command" -s r -l region -d 'Region (API parameter RegionId), e.g. cn-shanghai' -r
complete -c bgpeer -n "__fish_bgpeer_needs_command" -l endpoint -d 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL' -r
complete -c bgpeer -n "__fish_bgpeer_needs_command" -l ca-bundle -d 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]' -r -F
complete -c bgpeer -n "__fish_bgpeer_needs_command" -l signature-version -d 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)' -r -f -a "v3\t''
v2\t''"
complete -c bgpeer -n "__fish_bgpeer_needs_command" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (lists are one array)'
ndjson\t'One JSON object per line'
tsv\t'Tab-separated values with a header line'
value\t'Bare values, one per line, for shell variables and loops'
none\t'Nothing on stdout'"
complete -c bgpeer -n "__fish_bgpeer_needs_command" -l fields -d 'Columns to show for table, tsv and value output, comma-separated (after --query)' -r
complete -c bgpeer -n "__fish_bgpeer_needs_command" -l query -d 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result' -r
complete -c bgpeer -n "__fish_bgpeer_needs_command" -l error-format -d 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]' -r -f -a "text\t''
json\t''"
complete -c bgpeer -n "__fish_bgpeer_needs_command" -l connect-timeout -d 'Connection timeout in seconds [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_needs_command" -l read-timeout -d 'Timeout of one HTTP attempt in seconds [default: 30]' -r
complete -c bgpeer -n "__fish_bgpeer_needs_command" -l deadline -d 'Overall deadline of the command\'s API calls, retries included, in seconds [default: 300]' -r
complete -c bgpeer -n "__fish_bgpeer_needs_command" -l max-attempts -d 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_needs_command" -l allow-insecure-endpoint -d 'Allow a plain-http endpoint that is not on loopback'
complete -c bgpeer -n "__fish_bgpeer_needs_command" -l debug -d 'Log every HTTP attempt to stderr (secrets masked)'
complete -c bgpeer -n "__fish_bgpeer_needs_command" -s q -l quiet -d 'Silence notices, progress and warnings on stderr'
complete -c bgpeer -n "__fish_bgpeer_needs_command" -l no-color -d 'Never colour output (NO_COLOR is also respected)'
complete -c bgpeer -n "__fish_bgpeer_needs_command" -s y -l yes -d 'Answer yes to confirmations (required for deletes when stdin is not a terminal)'
complete -c bgpeer -n "__fish_bgpeer_needs_command" -l show-secrets -d 'Show secrets such as the BGP AuthKey in output instead of masking them'
complete -c bgpeer -n "__fish_bgpeer_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c bgpeer -n "__fish_bgpeer_needs_command" -s V -l version -d 'Print version'
complete -c bgpeer -n "__fish_bgpeer_needs_command" -f -a "group" -d 'BGP groups on a VBR'
complete -c bgpeer -n "__fish_bgpeer_needs_command" -f -a "peer" -d 'BGP peers in a group'
complete -c bgpeer -n "__fish_bgpeer_needs_command" -f -a "network" -d 'Networks advertised over BGP by a VBR'
complete -c bgpeer -n "__fish_bgpeer_needs_command" -f -a "vbr" -d 'Virtual border routers and their whole BGP picture'
complete -c bgpeer -n "__fish_bgpeer_needs_command" -f -a "region" -d 'Regions'
complete -c bgpeer -n "__fish_bgpeer_needs_command" -f -a "export" -d 'Write the live BGP set-up of VBRs as a declarative file (YAML, or JSON)'
complete -c bgpeer -n "__fish_bgpeer_needs_command" -f -a "plan" -d 'Show what `apply` would change to make the live set-up match a file'
complete -c bgpeer -n "__fish_bgpeer_needs_command" -f -a "apply" -d 'Make the live BGP set-up match a file (or a saved plan)'
complete -c bgpeer -n "__fish_bgpeer_needs_command" -f -a "api" -d 'A signed call to any VPC action, raw JSON out'
complete -c bgpeer -n "__fish_bgpeer_needs_command" -f -a "configure" -d 'Profiles and credentials'
complete -c bgpeer -n "__fish_bgpeer_needs_command" -f -a "whoami" -d 'Which profile and credentials are in use, and whether they work'
complete -c bgpeer -n "__fish_bgpeer_needs_command" -f -a "emulator" -d 'Run the local emulator of the VPC BGP API'
complete -c bgpeer -n "__fish_bgpeer_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c bgpeer -n "__fish_bgpeer_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and not __fish_seen_subcommand_from list show create update delete help" -s p -l profile -d 'Profile to use (`emulator` is built in: a local emulator, no account needed)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and not __fish_seen_subcommand_from list show create update delete help" -s r -l region -d 'Region (API parameter RegionId), e.g. cn-shanghai' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and not __fish_seen_subcommand_from list show create update delete help" -l endpoint -d 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and not __fish_seen_subcommand_from list show create update delete help" -l ca-bundle -d 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and not __fish_seen_subcommand_from list show create update delete help" -l signature-version -d 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)' -r -f -a "v3\t''
v2\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and not __fish_seen_subcommand_from list show create update delete help" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (lists are one array)'
ndjson\t'One JSON object per line'
tsv\t'Tab-separated values with a header line'
value\t'Bare values, one per line, for shell variables and loops'
none\t'Nothing on stdout'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and not __fish_seen_subcommand_from list show create update delete help" -l fields -d 'Columns to show for table, tsv and value output, comma-separated (after --query)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and not __fish_seen_subcommand_from list show create update delete help" -l query -d 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and not __fish_seen_subcommand_from list show create update delete help" -l error-format -d 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]' -r -f -a "text\t''
json\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and not __fish_seen_subcommand_from list show create update delete help" -l connect-timeout -d 'Connection timeout in seconds [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and not __fish_seen_subcommand_from list show create update delete help" -l read-timeout -d 'Timeout of one HTTP attempt in seconds [default: 30]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and not __fish_seen_subcommand_from list show create update delete help" -l deadline -d 'Overall deadline of the command\'s API calls, retries included, in seconds [default: 300]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and not __fish_seen_subcommand_from list show create update delete help" -l max-attempts -d 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and not __fish_seen_subcommand_from list show create update delete help" -l allow-insecure-endpoint -d 'Allow a plain-http endpoint that is not on loopback'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and not __fish_seen_subcommand_from list show create update delete help" -l debug -d 'Log every HTTP attempt to stderr (secrets masked)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and not __fish_seen_subcommand_from list show create update delete help" -s q -l quiet -d 'Silence notices, progress and warnings on stderr'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and not __fish_seen_subcommand_from list show create update delete help" -l no-color -d 'Never colour output (NO_COLOR is also respected)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and not __fish_seen_subcommand_from list show create update delete help" -s y -l yes -d 'Answer yes to confirmations (required for deletes when stdin is not a terminal)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and not __fish_seen_subcommand_from list show create update delete help" -l show-secrets -d 'Show secrets such as the BGP AuthKey in output instead of masking them'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and not __fish_seen_subcommand_from list show create update delete help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and not __fish_seen_subcommand_from list show create update delete help" -s V -l version -d 'Print version'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and not __fish_seen_subcommand_from list show create update delete help" -f -a "list" -d 'List BGP groups (every page), optionally of one VBR'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and not __fish_seen_subcommand_from list show create update delete help" -f -a "show" -d 'Show one BGP group (exit 3 when it does not exist)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and not __fish_seen_subcommand_from list show create update delete help" -f -a "create" -d 'Create a BGP group on a VBR and print it (CreateBgpGroup)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and not __fish_seen_subcommand_from list show create update delete help" -f -a "update" -d 'Change a BGP group and print it (ModifyBgpGroupAttribute)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and not __fish_seen_subcommand_from list show create update delete help" -f -a "delete" -d 'Delete a BGP group (DeleteBgpGroup); --cascade deletes its peers first'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and not __fish_seen_subcommand_from list show create update delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from list" -l router-id -l vbr-id -d 'Only the groups of this VBR (API parameter RouterId, e.g. vbr-...)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from list" -l bgp-group-id -d 'Only this group (API parameter BgpGroupId, e.g. bgpg-...)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from list" -l limit -d 'Stop after N groups [default: all pages]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from list" -s p -l profile -d 'Profile to use (`emulator` is built in: a local emulator, no account needed)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from list" -s r -l region -d 'Region (API parameter RegionId), e.g. cn-shanghai' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from list" -l endpoint -d 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from list" -l ca-bundle -d 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from list" -l signature-version -d 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)' -r -f -a "v3\t''
v2\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (lists are one array)'
ndjson\t'One JSON object per line'
tsv\t'Tab-separated values with a header line'
value\t'Bare values, one per line, for shell variables and loops'
none\t'Nothing on stdout'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from list" -l fields -d 'Columns to show for table, tsv and value output, comma-separated (after --query)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from list" -l query -d 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from list" -l error-format -d 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]' -r -f -a "text\t''
json\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from list" -l connect-timeout -d 'Connection timeout in seconds [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from list" -l read-timeout -d 'Timeout of one HTTP attempt in seconds [default: 30]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from list" -l deadline -d 'Overall deadline of the command\'s API calls, retries included, in seconds [default: 300]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from list" -l max-attempts -d 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from list" -l allow-insecure-endpoint -d 'Allow a plain-http endpoint that is not on loopback'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from list" -l debug -d 'Log every HTTP attempt to stderr (secrets masked)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Silence notices, progress and warnings on stderr'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from list" -l no-color -d 'Never colour output (NO_COLOR is also respected)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations (required for deletes when stdin is not a terminal)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from list" -l show-secrets -d 'Show secrets such as the BGP AuthKey in output instead of masking them'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from show" -s p -l profile -d 'Profile to use (`emulator` is built in: a local emulator, no account needed)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from show" -s r -l region -d 'Region (API parameter RegionId), e.g. cn-shanghai' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from show" -l endpoint -d 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from show" -l ca-bundle -d 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from show" -l signature-version -d 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)' -r -f -a "v3\t''
v2\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (lists are one array)'
ndjson\t'One JSON object per line'
tsv\t'Tab-separated values with a header line'
value\t'Bare values, one per line, for shell variables and loops'
none\t'Nothing on stdout'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from show" -l fields -d 'Columns to show for table, tsv and value output, comma-separated (after --query)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from show" -l query -d 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from show" -l error-format -d 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]' -r -f -a "text\t''
json\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from show" -l connect-timeout -d 'Connection timeout in seconds [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from show" -l read-timeout -d 'Timeout of one HTTP attempt in seconds [default: 30]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from show" -l deadline -d 'Overall deadline of the command\'s API calls, retries included, in seconds [default: 300]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from show" -l max-attempts -d 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from show" -l allow-insecure-endpoint -d 'Allow a plain-http endpoint that is not on loopback'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from show" -l debug -d 'Log every HTTP attempt to stderr (secrets masked)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Silence notices, progress and warnings on stderr'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from show" -l no-color -d 'Never colour output (NO_COLOR is also respected)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations (required for deletes when stdin is not a terminal)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from show" -l show-secrets -d 'Show secrets such as the BGP AuthKey in output instead of masking them'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from create" -l router-id -l vbr-id -d 'The VBR that owns the group (API parameter RouterId, vbr-...) [required]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from create" -l peer-asn -d 'ASN of your device (API parameter PeerAsn): 1-4294967295, not 45104 [required]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from create" -l local-asn -d 'Alibaba Cloud side ASN (API parameter LocalAsn): 64512-65534 or 4200000000-4294967294, not 65025 [default: 45104]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from create" -l name -d 'Group name (API parameter Name): 2-128 characters, starting with a letter; letters, digits, \'.\', \'_\', \'-\' [default: none]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from create" -l description -d 'Description (API parameter Description): 2-256 characters, starting with a letter, not http:// or https:// [default: none]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from create" -l auth-key -d 'BGP authentication key (API parameter AuthKey); visible in shell history and `ps`, so prefer --auth-key-file or BGPEER_AUTH_KEY [default: none]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from create" -l auth-key-file -d 'Read the AuthKey from FILE, or from stdin with \'-\' (trailing newline removed)' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from create" -l is-fake-asn -d 'Use a fake ASN, for AS migrations (API parameter IsFakeAsn): true or false [default: false]' -r -f -a "true\t''
false\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from create" -l route-quota -d 'Most routes each peer of the group may advertise (API parameter RouteQuota) [default: 110]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from create" -l ip-version -d 'Address family (API parameter IpVersion): IPv4 or IPv6 (the VBR must have IPv6 enabled), any case [default: IPv4]' -r -f -a "IPv4\t''
IPv6\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from create" -l client-token -d 'Idempotency token (API parameter ClientToken): 1-64 printable ASCII characters; retrying with the same token never makes a second resource; with --from-file, item N without its own ClientToken gets TOKEN-N [default: a new UUID per operation, reused on every retry]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from create" -l no-validate -d 'Skip one validation rule, repeatable or comma-separated, for values the API accepts but bgpeer\'s checks do not' -r -f -a "ip-address\t'An IP address is IPv4 or IPv6 syntax'
ip-version\t'An IP address\'s family matches --ip-version'
bfd-multi-hop\t'BfdMultiHop is 1-255'
bfd-enabled\t'BfdMultiHop is only given with BFD enabled'
peer-asn\t'PeerAsn is 1-4294967295 and not 45104'
local-asn\t'LocalAsn is 45104, 64512-65534 or 4200000000-4294967294, and not 65025'
cidr\t'A CIDR block is ADDRESS/PREFIX syntax'
cidr-host-bits\t'A CIDR block has its host bits zero'
client-token\t'ClientToken is ASCII and at most 64 characters'
name\t'Name: 2-128 characters, starts with a letter; letters, digits, \'.\', \'_\', \'-\''
description\t'Description: 2-256 characters, starts with a letter, not http:// or https://'
id-prefix\t'IDs have their resource\'s prefix (bgpg-, bgp-, vbr-, vpc-)'
region-id\t'RegionId looks like a region ID (cn-shanghai, ap-southeast-1)'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from create" -l timeout -d 'Give up waiting after SECS seconds (exit 8); the overall --deadline grows to cover it unless --deadline is given' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from create" -l interval -d 'First polling interval in seconds; later polls back off by 1.5x up to 5x this, at most 30 s' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from create" -s p -l profile -d 'Profile to use (`emulator` is built in: a local emulator, no account needed)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from create" -s r -l region -d 'Region (API parameter RegionId), e.g. cn-shanghai' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from create" -l endpoint -d 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from create" -l ca-bundle -d 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from create" -l signature-version -d 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)' -r -f -a "v3\t''
v2\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (lists are one array)'
ndjson\t'One JSON object per line'
tsv\t'Tab-separated values with a header line'
value\t'Bare values, one per line, for shell variables and loops'
none\t'Nothing on stdout'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from create" -l fields -d 'Columns to show for table, tsv and value output, comma-separated (after --query)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from create" -l query -d 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from create" -l error-format -d 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]' -r -f -a "text\t''
json\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from create" -l connect-timeout -d 'Connection timeout in seconds [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from create" -l read-timeout -d 'Timeout of one HTTP attempt in seconds [default: 30]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from create" -l deadline -d 'Overall deadline of the command\'s API calls, retries included, in seconds [default: 300]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from create" -l max-attempts -d 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from create" -l dry-run -d 'Validate, print the exact request that would be sent (action, endpoint, parameters; secrets masked) and send nothing'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from create" -l wait -d 'Wait until the resource is Available (after create/update) or gone (after delete); a failure state or the timeout exits 8'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from create" -l allow-insecure-endpoint -d 'Allow a plain-http endpoint that is not on loopback'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from create" -l debug -d 'Log every HTTP attempt to stderr (secrets masked)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Silence notices, progress and warnings on stderr'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from create" -l no-color -d 'Never colour output (NO_COLOR is also respected)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from create" -s y -l yes -d 'Answer yes to confirmations (required for deletes when stdin is not a terminal)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from create" -l show-secrets -d 'Show secrets such as the BGP AuthKey in output instead of masking them'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from update" -l name -d 'New name (API parameter Name): 2-128 characters, starting with a letter; letters, digits, \'.\', \'_\', \'-\'' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from update" -l description -d 'New description (API parameter Description): 2-256 characters, starting with a letter' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from update" -l peer-asn -d 'New ASN of your device (API parameter PeerAsn): 1-4294967295, not 45104' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from update" -l local-asn -d 'New Alibaba Cloud side ASN (API parameter LocalAsn): 64512-65534 or 4200000000-4294967294, not 65025' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from update" -l auth-key -d 'BGP authentication key (API parameter AuthKey); visible in shell history and `ps`, so prefer --auth-key-file or BGPEER_AUTH_KEY [default: none]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from update" -l auth-key-file -d 'Read the AuthKey from FILE, or from stdin with \'-\' (trailing newline removed)' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from update" -l is-fake-asn -d 'Fake ASN on or off (API parameter IsFakeAsn): true or false' -r -f -a "true\t''
false\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from update" -l route-quota -d 'Most routes each peer may advertise (API parameter RouteQuota)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from update" -l client-token -d 'Idempotency token (API parameter ClientToken): 1-64 printable ASCII characters; retrying with the same token never makes a second resource; with --from-file, item N without its own ClientToken gets TOKEN-N [default: a new UUID per operation, reused on every retry]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from update" -l no-validate -d 'Skip one validation rule, repeatable or comma-separated, for values the API accepts but bgpeer\'s checks do not' -r -f -a "ip-address\t'An IP address is IPv4 or IPv6 syntax'
ip-version\t'An IP address\'s family matches --ip-version'
bfd-multi-hop\t'BfdMultiHop is 1-255'
bfd-enabled\t'BfdMultiHop is only given with BFD enabled'
peer-asn\t'PeerAsn is 1-4294967295 and not 45104'
local-asn\t'LocalAsn is 45104, 64512-65534 or 4200000000-4294967294, and not 65025'
cidr\t'A CIDR block is ADDRESS/PREFIX syntax'
cidr-host-bits\t'A CIDR block has its host bits zero'
client-token\t'ClientToken is ASCII and at most 64 characters'
name\t'Name: 2-128 characters, starts with a letter; letters, digits, \'.\', \'_\', \'-\''
description\t'Description: 2-256 characters, starts with a letter, not http:// or https://'
id-prefix\t'IDs have their resource\'s prefix (bgpg-, bgp-, vbr-, vpc-)'
region-id\t'RegionId looks like a region ID (cn-shanghai, ap-southeast-1)'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from update" -l timeout -d 'Give up waiting after SECS seconds (exit 8); the overall --deadline grows to cover it unless --deadline is given' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from update" -l interval -d 'First polling interval in seconds; later polls back off by 1.5x up to 5x this, at most 30 s' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from update" -s p -l profile -d 'Profile to use (`emulator` is built in: a local emulator, no account needed)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from update" -s r -l region -d 'Region (API parameter RegionId), e.g. cn-shanghai' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from update" -l endpoint -d 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from update" -l ca-bundle -d 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from update" -l signature-version -d 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)' -r -f -a "v3\t''
v2\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from update" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (lists are one array)'
ndjson\t'One JSON object per line'
tsv\t'Tab-separated values with a header line'
value\t'Bare values, one per line, for shell variables and loops'
none\t'Nothing on stdout'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from update" -l fields -d 'Columns to show for table, tsv and value output, comma-separated (after --query)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from update" -l query -d 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from update" -l error-format -d 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]' -r -f -a "text\t''
json\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from update" -l connect-timeout -d 'Connection timeout in seconds [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from update" -l read-timeout -d 'Timeout of one HTTP attempt in seconds [default: 30]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from update" -l deadline -d 'Overall deadline of the command\'s API calls, retries included, in seconds [default: 300]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from update" -l max-attempts -d 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from update" -l auth-key-from-env -d 'Take the new AuthKey from the environment variable BGPEER_AUTH_KEY (never implicit on update, so a key in your environment can\'t change a group by accident)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from update" -l clear-auth-key -d 'Remove the group\'s AuthKey (API parameter ClearAuthKey=true)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from update" -l dry-run -d 'Validate, print the exact request that would be sent (action, endpoint, parameters; secrets masked) and send nothing'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from update" -l wait -d 'Wait until the resource is Available (after create/update) or gone (after delete); a failure state or the timeout exits 8'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from update" -l allow-insecure-endpoint -d 'Allow a plain-http endpoint that is not on loopback'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from update" -l debug -d 'Log every HTTP attempt to stderr (secrets masked)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from update" -s q -l quiet -d 'Silence notices, progress and warnings on stderr'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from update" -l no-color -d 'Never colour output (NO_COLOR is also respected)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from update" -s y -l yes -d 'Answer yes to confirmations (required for deletes when stdin is not a terminal)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from update" -l show-secrets -d 'Show secrets such as the BGP AuthKey in output instead of masking them'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from update" -s V -l version -d 'Print version'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from delete" -l client-token -d 'Idempotency token (API parameter ClientToken): 1-64 printable ASCII characters; retrying with the same token never makes a second resource; with --from-file, item N without its own ClientToken gets TOKEN-N [default: a new UUID per operation, reused on every retry]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from delete" -l no-validate -d 'Skip one validation rule, repeatable or comma-separated, for values the API accepts but bgpeer\'s checks do not' -r -f -a "ip-address\t'An IP address is IPv4 or IPv6 syntax'
ip-version\t'An IP address\'s family matches --ip-version'
bfd-multi-hop\t'BfdMultiHop is 1-255'
bfd-enabled\t'BfdMultiHop is only given with BFD enabled'
peer-asn\t'PeerAsn is 1-4294967295 and not 45104'
local-asn\t'LocalAsn is 45104, 64512-65534 or 4200000000-4294967294, and not 65025'
cidr\t'A CIDR block is ADDRESS/PREFIX syntax'
cidr-host-bits\t'A CIDR block has its host bits zero'
client-token\t'ClientToken is ASCII and at most 64 characters'
name\t'Name: 2-128 characters, starts with a letter; letters, digits, \'.\', \'_\', \'-\''
description\t'Description: 2-256 characters, starts with a letter, not http:// or https://'
id-prefix\t'IDs have their resource\'s prefix (bgpg-, bgp-, vbr-, vpc-)'
region-id\t'RegionId looks like a region ID (cn-shanghai, ap-southeast-1)'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from delete" -l timeout -d 'Give up waiting after SECS seconds (exit 8); the overall --deadline grows to cover it unless --deadline is given' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from delete" -l interval -d 'First polling interval in seconds; later polls back off by 1.5x up to 5x this, at most 30 s' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from delete" -s p -l profile -d 'Profile to use (`emulator` is built in: a local emulator, no account needed)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from delete" -s r -l region -d 'Region (API parameter RegionId), e.g. cn-shanghai' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from delete" -l endpoint -d 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from delete" -l ca-bundle -d 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from delete" -l signature-version -d 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)' -r -f -a "v3\t''
v2\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (lists are one array)'
ndjson\t'One JSON object per line'
tsv\t'Tab-separated values with a header line'
value\t'Bare values, one per line, for shell variables and loops'
none\t'Nothing on stdout'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from delete" -l fields -d 'Columns to show for table, tsv and value output, comma-separated (after --query)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from delete" -l query -d 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from delete" -l error-format -d 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]' -r -f -a "text\t''
json\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from delete" -l connect-timeout -d 'Connection timeout in seconds [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from delete" -l read-timeout -d 'Timeout of one HTTP attempt in seconds [default: 30]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from delete" -l deadline -d 'Overall deadline of the command\'s API calls, retries included, in seconds [default: 300]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from delete" -l max-attempts -d 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from delete" -l cascade -d 'Delete the group\'s peers first, one by one, waiting for each to be gone'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from delete" -l dry-run -d 'Validate, print the exact request that would be sent (action, endpoint, parameters; secrets masked) and send nothing'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from delete" -l wait -d 'Wait until the resource is Available (after create/update) or gone (after delete); a failure state or the timeout exits 8'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from delete" -l allow-insecure-endpoint -d 'Allow a plain-http endpoint that is not on loopback'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from delete" -l debug -d 'Log every HTTP attempt to stderr (secrets masked)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Silence notices, progress and warnings on stderr'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from delete" -l no-color -d 'Never colour output (NO_COLOR is also respected)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Answer yes to confirmations (required for deletes when stdin is not a terminal)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from delete" -l show-secrets -d 'Show secrets such as the BGP AuthKey in output instead of masking them'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "list" -d 'List BGP groups (every page), optionally of one VBR'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one BGP group (exit 3 when it does not exist)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a BGP group on a VBR and print it (CreateBgpGroup)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "update" -d 'Change a BGP group and print it (ModifyBgpGroupAttribute)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a BGP group (DeleteBgpGroup); --cascade deletes its peers first'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and not __fish_seen_subcommand_from list show create update delete wait help" -s p -l profile -d 'Profile to use (`emulator` is built in: a local emulator, no account needed)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and not __fish_seen_subcommand_from list show create update delete wait help" -s r -l region -d 'Region (API parameter RegionId), e.g. cn-shanghai' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and not __fish_seen_subcommand_from list show create update delete wait help" -l endpoint -d 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and not __fish_seen_subcommand_from list show create update delete wait help" -l ca-bundle -d 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and not __fish_seen_subcommand_from list show create update delete wait help" -l signature-version -d 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)' -r -f -a "v3\t''
v2\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and not __fish_seen_subcommand_from list show create update delete wait help" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (lists are one array)'
ndjson\t'One JSON object per line'
tsv\t'Tab-separated values with a header line'
value\t'Bare values, one per line, for shell variables and loops'
none\t'Nothing on stdout'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and not __fish_seen_subcommand_from list show create update delete wait help" -l fields -d 'Columns to show for table, tsv and value output, comma-separated (after --query)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and not __fish_seen_subcommand_from list show create update delete wait help" -l query -d 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and not __fish_seen_subcommand_from list show create update delete wait help" -l error-format -d 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]' -r -f -a "text\t''
json\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and not __fish_seen_subcommand_from list show create update delete wait help" -l connect-timeout -d 'Connection timeout in seconds [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and not __fish_seen_subcommand_from list show create update delete wait help" -l read-timeout -d 'Timeout of one HTTP attempt in seconds [default: 30]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and not __fish_seen_subcommand_from list show create update delete wait help" -l deadline -d 'Overall deadline of the command\'s API calls, retries included, in seconds [default: 300]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and not __fish_seen_subcommand_from list show create update delete wait help" -l max-attempts -d 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and not __fish_seen_subcommand_from list show create update delete wait help" -l allow-insecure-endpoint -d 'Allow a plain-http endpoint that is not on loopback'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and not __fish_seen_subcommand_from list show create update delete wait help" -l debug -d 'Log every HTTP attempt to stderr (secrets masked)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and not __fish_seen_subcommand_from list show create update delete wait help" -s q -l quiet -d 'Silence notices, progress and warnings on stderr'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and not __fish_seen_subcommand_from list show create update delete wait help" -l no-color -d 'Never colour output (NO_COLOR is also respected)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and not __fish_seen_subcommand_from list show create update delete wait help" -s y -l yes -d 'Answer yes to confirmations (required for deletes when stdin is not a terminal)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and not __fish_seen_subcommand_from list show create update delete wait help" -l show-secrets -d 'Show secrets such as the BGP AuthKey in output instead of masking them'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and not __fish_seen_subcommand_from list show create update delete wait help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and not __fish_seen_subcommand_from list show create update delete wait help" -s V -l version -d 'Print version'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and not __fish_seen_subcommand_from list show create update delete wait help" -f -a "list" -d 'List BGP peers (every page), filtered by group, VBR or ID'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and not __fish_seen_subcommand_from list show create update delete wait help" -f -a "show" -d 'Show one BGP peer (exit 3 when it does not exist)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and not __fish_seen_subcommand_from list show create update delete wait help" -f -a "create" -d 'Add a BGP peer to a group and print it (CreateBgpPeer); --from-file adds many'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and not __fish_seen_subcommand_from list show create update delete wait help" -f -a "update" -d 'Change a BGP peer and print it (ModifyBgpPeerAttribute)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and not __fish_seen_subcommand_from list show create update delete wait help" -f -a "delete" -d 'Delete a BGP peer (DeleteBgpPeer); --from-file deletes many'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and not __fish_seen_subcommand_from list show create update delete wait help" -f -a "wait" -d 'Wait until a peer is Available, its BGP session Established, or it is gone'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and not __fish_seen_subcommand_from list show create update delete wait help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from list" -l bgp-group-id -d 'Only the peers of this group (API parameter BgpGroupId, bgpg-...)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from list" -l router-id -l vbr-id -d 'Only the peers on this VBR (API parameter RouterId, vbr-...)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from list" -l bgp-peer-id -d 'Only this peer (API parameter BgpPeerId, bgp-...)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from list" -l limit -d 'Stop after N peers [default: all pages]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from list" -s p -l profile -d 'Profile to use (`emulator` is built in: a local emulator, no account needed)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from list" -s r -l region -d 'Region (API parameter RegionId), e.g. cn-shanghai' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from list" -l endpoint -d 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from list" -l ca-bundle -d 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from list" -l signature-version -d 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)' -r -f -a "v3\t''
v2\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (lists are one array)'
ndjson\t'One JSON object per line'
tsv\t'Tab-separated values with a header line'
value\t'Bare values, one per line, for shell variables and loops'
none\t'Nothing on stdout'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from list" -l fields -d 'Columns to show for table, tsv and value output, comma-separated (after --query)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from list" -l query -d 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from list" -l error-format -d 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]' -r -f -a "text\t''
json\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from list" -l connect-timeout -d 'Connection timeout in seconds [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from list" -l read-timeout -d 'Timeout of one HTTP attempt in seconds [default: 30]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from list" -l deadline -d 'Overall deadline of the command\'s API calls, retries included, in seconds [default: 300]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from list" -l max-attempts -d 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from list" -l allow-insecure-endpoint -d 'Allow a plain-http endpoint that is not on loopback'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from list" -l debug -d 'Log every HTTP attempt to stderr (secrets masked)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Silence notices, progress and warnings on stderr'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from list" -l no-color -d 'Never colour output (NO_COLOR is also respected)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations (required for deletes when stdin is not a terminal)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from list" -l show-secrets -d 'Show secrets such as the BGP AuthKey in output instead of masking them'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from show" -s p -l profile -d 'Profile to use (`emulator` is built in: a local emulator, no account needed)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from show" -s r -l region -d 'Region (API parameter RegionId), e.g. cn-shanghai' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from show" -l endpoint -d 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from show" -l ca-bundle -d 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from show" -l signature-version -d 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)' -r -f -a "v3\t''
v2\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (lists are one array)'
ndjson\t'One JSON object per line'
tsv\t'Tab-separated values with a header line'
value\t'Bare values, one per line, for shell variables and loops'
none\t'Nothing on stdout'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from show" -l fields -d 'Columns to show for table, tsv and value output, comma-separated (after --query)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from show" -l query -d 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from show" -l error-format -d 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]' -r -f -a "text\t''
json\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from show" -l connect-timeout -d 'Connection timeout in seconds [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from show" -l read-timeout -d 'Timeout of one HTTP attempt in seconds [default: 30]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from show" -l deadline -d 'Overall deadline of the command\'s API calls, retries included, in seconds [default: 300]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from show" -l max-attempts -d 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from show" -l allow-insecure-endpoint -d 'Allow a plain-http endpoint that is not on loopback'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from show" -l debug -d 'Log every HTTP attempt to stderr (secrets masked)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Silence notices, progress and warnings on stderr'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from show" -l no-color -d 'Never colour output (NO_COLOR is also respected)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations (required for deletes when stdin is not a terminal)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from show" -l show-secrets -d 'Show secrets such as the BGP AuthKey in output instead of masking them'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from create" -l bgp-group-id -d 'The group to add the peer to (API parameter BgpGroupId, bgpg-...) [required without --from-file]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from create" -l peer-ip-address -l peer-ip -d 'The neighbour\'s address (API parameter PeerIpAddress): IPv4 or IPv6, of the group\'s family (checked against --ip-version when given); required when the VBR has no or several sub-interfaces [default: the VBR\'s peer gateway address]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from create" -l enable-bfd -d 'Enable BFD (API parameter EnableBfd): --enable-bfd or --enable-bfd=false [default: false]' -r -f -a "true\t''
false\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from create" -l bfd-multi-hop -d 'BFD hop count (API parameter BfdMultiHop): 1-255, only with --enable-bfd [default: the API\'s, 255]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from create" -l ip-version -d 'Address family (API parameter IpVersion): IPv4 or IPv6, any case [default: IPv4]' -r -f -a "IPv4\t''
IPv6\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from create" -l client-token -d 'Idempotency token (API parameter ClientToken): 1-64 printable ASCII characters; retrying with the same token never makes a second resource; with --from-file, item N without its own ClientToken gets TOKEN-N [default: a new UUID per operation, reused on every retry]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from create" -l no-validate -d 'Skip one validation rule, repeatable or comma-separated, for values the API accepts but bgpeer\'s checks do not' -r -f -a "ip-address\t'An IP address is IPv4 or IPv6 syntax'
ip-version\t'An IP address\'s family matches --ip-version'
bfd-multi-hop\t'BfdMultiHop is 1-255'
bfd-enabled\t'BfdMultiHop is only given with BFD enabled'
peer-asn\t'PeerAsn is 1-4294967295 and not 45104'
local-asn\t'LocalAsn is 45104, 64512-65534 or 4200000000-4294967294, and not 65025'
cidr\t'A CIDR block is ADDRESS/PREFIX syntax'
cidr-host-bits\t'A CIDR block has its host bits zero'
client-token\t'ClientToken is ASCII and at most 64 characters'
name\t'Name: 2-128 characters, starts with a letter; letters, digits, \'.\', \'_\', \'-\''
description\t'Description: 2-256 characters, starts with a letter, not http:// or https://'
id-prefix\t'IDs have their resource\'s prefix (bgpg-, bgp-, vbr-, vpc-)'
region-id\t'RegionId looks like a region ID (cn-shanghai, ap-southeast-1)'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from create" -l timeout -d 'Give up waiting after SECS seconds (exit 8); the overall --deadline grows to cover it unless --deadline is given' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from create" -l interval -d 'First polling interval in seconds; later polls back off by 1.5x up to 5x this, at most 30 s' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from create" -l from-file -d 'Read items from FILE (or \'-\' for stdin): NDJSON or a JSON array of objects with the API\'s field names, as the JSON output prints them; each item gets its own ClientToken' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from create" -l concurrency -d 'Most requests in flight at once; lowered automatically while the API throttles, then raised again (AIMD)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from create" -s p -l profile -d 'Profile to use (`emulator` is built in: a local emulator, no account needed)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from create" -s r -l region -d 'Region (API parameter RegionId), e.g. cn-shanghai' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from create" -l endpoint -d 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from create" -l ca-bundle -d 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from create" -l signature-version -d 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)' -r -f -a "v3\t''
v2\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (lists are one array)'
ndjson\t'One JSON object per line'
tsv\t'Tab-separated values with a header line'
value\t'Bare values, one per line, for shell variables and loops'
none\t'Nothing on stdout'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from create" -l fields -d 'Columns to show for table, tsv and value output, comma-separated (after --query)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from create" -l query -d 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from create" -l error-format -d 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]' -r -f -a "text\t''
json\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from create" -l connect-timeout -d 'Connection timeout in seconds [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from create" -l read-timeout -d 'Timeout of one HTTP attempt in seconds [default: 30]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from create" -l deadline -d 'Overall deadline of the command\'s API calls, retries included, in seconds [default: 300]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from create" -l max-attempts -d 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from create" -l dry-run -d 'Validate, print the exact request that would be sent (action, endpoint, parameters; secrets masked) and send nothing'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from create" -l wait -d 'Wait until the resource is Available (after create/update) or gone (after delete); a failure state or the timeout exits 8'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from create" -l continue-on-error -d 'Keep going after an item fails (default: stop sending new items at the first failure)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from create" -l allow-insecure-endpoint -d 'Allow a plain-http endpoint that is not on loopback'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from create" -l debug -d 'Log every HTTP attempt to stderr (secrets masked)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Silence notices, progress and warnings on stderr'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from create" -l no-color -d 'Never colour output (NO_COLOR is also respected)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from create" -s y -l yes -d 'Answer yes to confirmations (required for deletes when stdin is not a terminal)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from create" -l show-secrets -d 'Show secrets such as the BGP AuthKey in output instead of masking them'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from update" -l bgp-group-id -d 'The peer\'s group (API parameter BgpGroupId, bgpg-...)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from update" -l peer-ip-address -l peer-ip -d 'New neighbour address (API parameter PeerIpAddress), of the peer\'s IP version' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from update" -l enable-bfd -d 'BFD on or off (API parameter EnableBfd): --enable-bfd or --enable-bfd=false' -r -f -a "true\t''
false\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from update" -l bfd-multi-hop -d 'BFD hop count (API parameter BfdMultiHop): 1-255, only with BFD enabled' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from update" -l client-token -d 'Idempotency token (API parameter ClientToken): 1-64 printable ASCII characters; retrying with the same token never makes a second resource; with --from-file, item N without its own ClientToken gets TOKEN-N [default: a new UUID per operation, reused on every retry]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from update" -l no-validate -d 'Skip one validation rule, repeatable or comma-separated, for values the API accepts but bgpeer\'s checks do not' -r -f -a "ip-address\t'An IP address is IPv4 or IPv6 syntax'
ip-version\t'An IP address\'s family matches --ip-version'
bfd-multi-hop\t'BfdMultiHop is 1-255'
bfd-enabled\t'BfdMultiHop is only given with BFD enabled'
peer-asn\t'PeerAsn is 1-4294967295 and not 45104'
local-asn\t'LocalAsn is 45104, 64512-65534 or 4200000000-4294967294, and not 65025'
cidr\t'A CIDR block is ADDRESS/PREFIX syntax'
cidr-host-bits\t'A CIDR block has its host bits zero'
client-token\t'ClientToken is ASCII and at most 64 characters'
name\t'Name: 2-128 characters, starts with a letter; letters, digits, \'.\', \'_\', \'-\''
description\t'Description: 2-256 characters, starts with a letter, not http:// or https://'
id-prefix\t'IDs have their resource\'s prefix (bgpg-, bgp-, vbr-, vpc-)'
region-id\t'RegionId looks like a region ID (cn-shanghai, ap-southeast-1)'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from update" -l timeout -d 'Give up waiting after SECS seconds (exit 8); the overall --deadline grows to cover it unless --deadline is given' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from update" -l interval -d 'First polling interval in seconds; later polls back off by 1.5x up to 5x this, at most 30 s' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from update" -s p -l profile -d 'Profile to use (`emulator` is built in: a local emulator, no account needed)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from update" -s r -l region -d 'Region (API parameter RegionId), e.g. cn-shanghai' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from update" -l endpoint -d 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from update" -l ca-bundle -d 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from update" -l signature-version -d 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)' -r -f -a "v3\t''
v2\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from update" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (lists are one array)'
ndjson\t'One JSON object per line'
tsv\t'Tab-separated values with a header line'
value\t'Bare values, one per line, for shell variables and loops'
none\t'Nothing on stdout'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from update" -l fields -d 'Columns to show for table, tsv and value output, comma-separated (after --query)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from update" -l query -d 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from update" -l error-format -d 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]' -r -f -a "text\t''
json\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from update" -l connect-timeout -d 'Connection timeout in seconds [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from update" -l read-timeout -d 'Timeout of one HTTP attempt in seconds [default: 30]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from update" -l deadline -d 'Overall deadline of the command\'s API calls, retries included, in seconds [default: 300]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from update" -l max-attempts -d 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from update" -l dry-run -d 'Validate, print the exact request that would be sent (action, endpoint, parameters; secrets masked) and send nothing'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from update" -l wait -d 'Wait until the resource is Available (after create/update) or gone (after delete); a failure state or the timeout exits 8'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from update" -l allow-insecure-endpoint -d 'Allow a plain-http endpoint that is not on loopback'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from update" -l debug -d 'Log every HTTP attempt to stderr (secrets masked)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from update" -s q -l quiet -d 'Silence notices, progress and warnings on stderr'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from update" -l no-color -d 'Never colour output (NO_COLOR is also respected)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from update" -s y -l yes -d 'Answer yes to confirmations (required for deletes when stdin is not a terminal)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from update" -l show-secrets -d 'Show secrets such as the BGP AuthKey in output instead of masking them'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from update" -s V -l version -d 'Print version'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from delete" -l client-token -d 'Idempotency token (API parameter ClientToken): 1-64 printable ASCII characters; retrying with the same token never makes a second resource; with --from-file, item N without its own ClientToken gets TOKEN-N [default: a new UUID per operation, reused on every retry]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from delete" -l no-validate -d 'Skip one validation rule, repeatable or comma-separated, for values the API accepts but bgpeer\'s checks do not' -r -f -a "ip-address\t'An IP address is IPv4 or IPv6 syntax'
ip-version\t'An IP address\'s family matches --ip-version'
bfd-multi-hop\t'BfdMultiHop is 1-255'
bfd-enabled\t'BfdMultiHop is only given with BFD enabled'
peer-asn\t'PeerAsn is 1-4294967295 and not 45104'
local-asn\t'LocalAsn is 45104, 64512-65534 or 4200000000-4294967294, and not 65025'
cidr\t'A CIDR block is ADDRESS/PREFIX syntax'
cidr-host-bits\t'A CIDR block has its host bits zero'
client-token\t'ClientToken is ASCII and at most 64 characters'
name\t'Name: 2-128 characters, starts with a letter; letters, digits, \'.\', \'_\', \'-\''
description\t'Description: 2-256 characters, starts with a letter, not http:// or https://'
id-prefix\t'IDs have their resource\'s prefix (bgpg-, bgp-, vbr-, vpc-)'
region-id\t'RegionId looks like a region ID (cn-shanghai, ap-southeast-1)'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from delete" -l timeout -d 'Give up waiting after SECS seconds (exit 8); the overall --deadline grows to cover it unless --deadline is given' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from delete" -l interval -d 'First polling interval in seconds; later polls back off by 1.5x up to 5x this, at most 30 s' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from delete" -l from-file -d 'Read items from FILE (or \'-\' for stdin): NDJSON or a JSON array of objects with the API\'s field names, as the JSON output prints them; each item gets its own ClientToken' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from delete" -l concurrency -d 'Most requests in flight at once; lowered automatically while the API throttles, then raised again (AIMD)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from delete" -s p -l profile -d 'Profile to use (`emulator` is built in: a local emulator, no account needed)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from delete" -s r -l region -d 'Region (API parameter RegionId), e.g. cn-shanghai' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from delete" -l endpoint -d 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from delete" -l ca-bundle -d 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from delete" -l signature-version -d 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)' -r -f -a "v3\t''
v2\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (lists are one array)'
ndjson\t'One JSON object per line'
tsv\t'Tab-separated values with a header line'
value\t'Bare values, one per line, for shell variables and loops'
none\t'Nothing on stdout'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from delete" -l fields -d 'Columns to show for table, tsv and value output, comma-separated (after --query)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from delete" -l query -d 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from delete" -l error-format -d 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]' -r -f -a "text\t''
json\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from delete" -l connect-timeout -d 'Connection timeout in seconds [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from delete" -l read-timeout -d 'Timeout of one HTTP attempt in seconds [default: 30]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from delete" -l deadline -d 'Overall deadline of the command\'s API calls, retries included, in seconds [default: 300]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from delete" -l max-attempts -d 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from delete" -l dry-run -d 'Validate, print the exact request that would be sent (action, endpoint, parameters; secrets masked) and send nothing'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from delete" -l wait -d 'Wait until the resource is Available (after create/update) or gone (after delete); a failure state or the timeout exits 8'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from delete" -l continue-on-error -d 'Keep going after an item fails (default: stop sending new items at the first failure)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from delete" -l allow-insecure-endpoint -d 'Allow a plain-http endpoint that is not on loopback'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from delete" -l debug -d 'Log every HTTP attempt to stderr (secrets masked)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Silence notices, progress and warnings on stderr'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from delete" -l no-color -d 'Never colour output (NO_COLOR is also respected)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Answer yes to confirmations (required for deletes when stdin is not a terminal)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from delete" -l show-secrets -d 'Show secrets such as the BGP AuthKey in output instead of masking them'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from wait" -l until -d 'The state to wait for: available (Status), established (BgpStatus) or deleted' -r -f -a "available\t'Status Available'
established\t'BgpStatus Established (peers only)'
deleted\t'The resource is gone'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from wait" -l timeout -d 'Give up waiting after SECS seconds (exit 8); the overall --deadline grows to cover it unless --deadline is given' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from wait" -l interval -d 'First polling interval in seconds; later polls back off by 1.5x up to 5x this, at most 30 s' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from wait" -s p -l profile -d 'Profile to use (`emulator` is built in: a local emulator, no account needed)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from wait" -s r -l region -d 'Region (API parameter RegionId), e.g. cn-shanghai' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from wait" -l endpoint -d 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from wait" -l ca-bundle -d 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from wait" -l signature-version -d 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)' -r -f -a "v3\t''
v2\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from wait" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (lists are one array)'
ndjson\t'One JSON object per line'
tsv\t'Tab-separated values with a header line'
value\t'Bare values, one per line, for shell variables and loops'
none\t'Nothing on stdout'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from wait" -l fields -d 'Columns to show for table, tsv and value output, comma-separated (after --query)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from wait" -l query -d 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from wait" -l error-format -d 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]' -r -f -a "text\t''
json\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from wait" -l connect-timeout -d 'Connection timeout in seconds [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from wait" -l read-timeout -d 'Timeout of one HTTP attempt in seconds [default: 30]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from wait" -l deadline -d 'Overall deadline of the command\'s API calls, retries included, in seconds [default: 300]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from wait" -l max-attempts -d 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from wait" -l allow-insecure-endpoint -d 'Allow a plain-http endpoint that is not on loopback'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from wait" -l debug -d 'Log every HTTP attempt to stderr (secrets masked)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from wait" -s q -l quiet -d 'Silence notices, progress and warnings on stderr'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from wait" -l no-color -d 'Never colour output (NO_COLOR is also respected)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from wait" -s y -l yes -d 'Answer yes to confirmations (required for deletes when stdin is not a terminal)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from wait" -l show-secrets -d 'Show secrets such as the BGP AuthKey in output instead of masking them'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from wait" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from wait" -s V -l version -d 'Print version'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from help" -f -a "list" -d 'List BGP peers (every page), filtered by group, VBR or ID'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one BGP peer (exit 3 when it does not exist)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from help" -f -a "create" -d 'Add a BGP peer to a group and print it (CreateBgpPeer); --from-file adds many'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from help" -f -a "update" -d 'Change a BGP peer and print it (ModifyBgpPeerAttribute)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a BGP peer (DeleteBgpPeer); --from-file deletes many'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from help" -f -a "wait" -d 'Wait until a peer is Available, its BGP session Established, or it is gone'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand peer; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and not __fish_seen_subcommand_from list add delete help" -s p -l profile -d 'Profile to use (`emulator` is built in: a local emulator, no account needed)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and not __fish_seen_subcommand_from list add delete help" -s r -l region -d 'Region (API parameter RegionId), e.g. cn-shanghai' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and not __fish_seen_subcommand_from list add delete help" -l endpoint -d 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and not __fish_seen_subcommand_from list add delete help" -l ca-bundle -d 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and not __fish_seen_subcommand_from list add delete help" -l signature-version -d 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)' -r -f -a "v3\t''
v2\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and not __fish_seen_subcommand_from list add delete help" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (lists are one array)'
ndjson\t'One JSON object per line'
tsv\t'Tab-separated values with a header line'
value\t'Bare values, one per line, for shell variables and loops'
none\t'Nothing on stdout'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and not __fish_seen_subcommand_from list add delete help" -l fields -d 'Columns to show for table, tsv and value output, comma-separated (after --query)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and not __fish_seen_subcommand_from list add delete help" -l query -d 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and not __fish_seen_subcommand_from list add delete help" -l error-format -d 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]' -r -f -a "text\t''
json\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and not __fish_seen_subcommand_from list add delete help" -l connect-timeout -d 'Connection timeout in seconds [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and not __fish_seen_subcommand_from list add delete help" -l read-timeout -d 'Timeout of one HTTP attempt in seconds [default: 30]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and not __fish_seen_subcommand_from list add delete help" -l deadline -d 'Overall deadline of the command\'s API calls, retries included, in seconds [default: 300]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and not __fish_seen_subcommand_from list add delete help" -l max-attempts -d 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and not __fish_seen_subcommand_from list add delete help" -l allow-insecure-endpoint -d 'Allow a plain-http endpoint that is not on loopback'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and not __fish_seen_subcommand_from list add delete help" -l debug -d 'Log every HTTP attempt to stderr (secrets masked)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and not __fish_seen_subcommand_from list add delete help" -s q -l quiet -d 'Silence notices, progress and warnings on stderr'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and not __fish_seen_subcommand_from list add delete help" -l no-color -d 'Never colour output (NO_COLOR is also respected)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and not __fish_seen_subcommand_from list add delete help" -s y -l yes -d 'Answer yes to confirmations (required for deletes when stdin is not a terminal)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and not __fish_seen_subcommand_from list add delete help" -l show-secrets -d 'Show secrets such as the BGP AuthKey in output instead of masking them'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and not __fish_seen_subcommand_from list add delete help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and not __fish_seen_subcommand_from list add delete help" -s V -l version -d 'Print version'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and not __fish_seen_subcommand_from list add delete help" -f -a "list" -d 'List advertised networks (every page), optionally of one VBR'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and not __fish_seen_subcommand_from list add delete help" -f -a "add" -d 'Advertise a CIDR block over BGP from a VBR and print it (AddBgpNetwork); --from-file adds many'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and not __fish_seen_subcommand_from list add delete help" -f -a "delete" -d 'Withdraw an advertised network (DeleteBgpNetwork); --from-file withdraws many'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and not __fish_seen_subcommand_from list add delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from list" -l router-id -l vbr-id -d 'Only the networks of this VBR (API parameter RouterId, vbr-...)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from list" -l dst-cidr-block -d 'Only this CIDR block (filtered by bgpeer: the API has no such filter)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from list" -l vpc-id -d 'Only the networks of this VPC (filtered by bgpeer: the API has no such filter)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from list" -l limit -d 'Stop after N networks [default: all pages]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from list" -s p -l profile -d 'Profile to use (`emulator` is built in: a local emulator, no account needed)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from list" -s r -l region -d 'Region (API parameter RegionId), e.g. cn-shanghai' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from list" -l endpoint -d 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from list" -l ca-bundle -d 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from list" -l signature-version -d 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)' -r -f -a "v3\t''
v2\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (lists are one array)'
ndjson\t'One JSON object per line'
tsv\t'Tab-separated values with a header line'
value\t'Bare values, one per line, for shell variables and loops'
none\t'Nothing on stdout'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from list" -l fields -d 'Columns to show for table, tsv and value output, comma-separated (after --query)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from list" -l query -d 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from list" -l error-format -d 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]' -r -f -a "text\t''
json\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from list" -l connect-timeout -d 'Connection timeout in seconds [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from list" -l read-timeout -d 'Timeout of one HTTP attempt in seconds [default: 30]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from list" -l deadline -d 'Overall deadline of the command\'s API calls, retries included, in seconds [default: 300]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from list" -l max-attempts -d 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from list" -l allow-insecure-endpoint -d 'Allow a plain-http endpoint that is not on loopback'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from list" -l debug -d 'Log every HTTP attempt to stderr (secrets masked)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Silence notices, progress and warnings on stderr'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from list" -l no-color -d 'Never colour output (NO_COLOR is also respected)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations (required for deletes when stdin is not a terminal)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from list" -l show-secrets -d 'Show secrets such as the BGP AuthKey in output instead of masking them'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from add" -l router-id -l vbr-id -d 'The VBR that advertises the network (API parameter RouterId, vbr-...) [required without --from-file]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from add" -l dst-cidr-block -d 'The CIDR block to advertise (API parameter DstCidrBlock), host bits zero, e.g. 192.168.0.0/24 [required without --from-file]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from add" -l vpc-id -d 'The VPC that owns the CIDR block (API parameter VpcId, vpc-...) [default: none]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from add" -l client-token -d 'Idempotency token (API parameter ClientToken): 1-64 printable ASCII characters; retrying with the same token never makes a second resource; with --from-file, item N without its own ClientToken gets TOKEN-N [default: a new UUID per operation, reused on every retry]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from add" -l no-validate -d 'Skip one validation rule, repeatable or comma-separated, for values the API accepts but bgpeer\'s checks do not' -r -f -a "ip-address\t'An IP address is IPv4 or IPv6 syntax'
ip-version\t'An IP address\'s family matches --ip-version'
bfd-multi-hop\t'BfdMultiHop is 1-255'
bfd-enabled\t'BfdMultiHop is only given with BFD enabled'
peer-asn\t'PeerAsn is 1-4294967295 and not 45104'
local-asn\t'LocalAsn is 45104, 64512-65534 or 4200000000-4294967294, and not 65025'
cidr\t'A CIDR block is ADDRESS/PREFIX syntax'
cidr-host-bits\t'A CIDR block has its host bits zero'
client-token\t'ClientToken is ASCII and at most 64 characters'
name\t'Name: 2-128 characters, starts with a letter; letters, digits, \'.\', \'_\', \'-\''
description\t'Description: 2-256 characters, starts with a letter, not http:// or https://'
id-prefix\t'IDs have their resource\'s prefix (bgpg-, bgp-, vbr-, vpc-)'
region-id\t'RegionId looks like a region ID (cn-shanghai, ap-southeast-1)'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from add" -l timeout -d 'Give up waiting after SECS seconds (exit 8); the overall --deadline grows to cover it unless --deadline is given' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from add" -l interval -d 'First polling interval in seconds; later polls back off by 1.5x up to 5x this, at most 30 s' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from add" -l from-file -d 'Read items from FILE (or \'-\' for stdin): NDJSON or a JSON array of objects with the API\'s field names, as the JSON output prints them; each item gets its own ClientToken' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from add" -l concurrency -d 'Most requests in flight at once; lowered automatically while the API throttles, then raised again (AIMD)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from add" -s p -l profile -d 'Profile to use (`emulator` is built in: a local emulator, no account needed)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from add" -s r -l region -d 'Region (API parameter RegionId), e.g. cn-shanghai' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from add" -l endpoint -d 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from add" -l ca-bundle -d 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from add" -l signature-version -d 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)' -r -f -a "v3\t''
v2\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from add" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (lists are one array)'
ndjson\t'One JSON object per line'
tsv\t'Tab-separated values with a header line'
value\t'Bare values, one per line, for shell variables and loops'
none\t'Nothing on stdout'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from add" -l fields -d 'Columns to show for table, tsv and value output, comma-separated (after --query)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from add" -l query -d 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from add" -l error-format -d 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]' -r -f -a "text\t''
json\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from add" -l connect-timeout -d 'Connection timeout in seconds [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from add" -l read-timeout -d 'Timeout of one HTTP attempt in seconds [default: 30]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from add" -l deadline -d 'Overall deadline of the command\'s API calls, retries included, in seconds [default: 300]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from add" -l max-attempts -d 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from add" -l dry-run -d 'Validate, print the exact request that would be sent (action, endpoint, parameters; secrets masked) and send nothing'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from add" -l wait -d 'Wait until the resource is Available (after create/update) or gone (after delete); a failure state or the timeout exits 8'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from add" -l continue-on-error -d 'Keep going after an item fails (default: stop sending new items at the first failure)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from add" -l allow-insecure-endpoint -d 'Allow a plain-http endpoint that is not on loopback'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from add" -l debug -d 'Log every HTTP attempt to stderr (secrets masked)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Silence notices, progress and warnings on stderr'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from add" -l no-color -d 'Never colour output (NO_COLOR is also respected)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from add" -s y -l yes -d 'Answer yes to confirmations (required for deletes when stdin is not a terminal)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from add" -l show-secrets -d 'Show secrets such as the BGP AuthKey in output instead of masking them'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from delete" -l router-id -l vbr-id -d 'The VBR (API parameter RouterId, vbr-...) [required without --from-file]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from delete" -l dst-cidr-block -d 'The advertised CIDR block (API parameter DstCidrBlock) [required without --from-file]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from delete" -l client-token -d 'Idempotency token (API parameter ClientToken): 1-64 printable ASCII characters; retrying with the same token never makes a second resource; with --from-file, item N without its own ClientToken gets TOKEN-N [default: a new UUID per operation, reused on every retry]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from delete" -l no-validate -d 'Skip one validation rule, repeatable or comma-separated, for values the API accepts but bgpeer\'s checks do not' -r -f -a "ip-address\t'An IP address is IPv4 or IPv6 syntax'
ip-version\t'An IP address\'s family matches --ip-version'
bfd-multi-hop\t'BfdMultiHop is 1-255'
bfd-enabled\t'BfdMultiHop is only given with BFD enabled'
peer-asn\t'PeerAsn is 1-4294967295 and not 45104'
local-asn\t'LocalAsn is 45104, 64512-65534 or 4200000000-4294967294, and not 65025'
cidr\t'A CIDR block is ADDRESS/PREFIX syntax'
cidr-host-bits\t'A CIDR block has its host bits zero'
client-token\t'ClientToken is ASCII and at most 64 characters'
name\t'Name: 2-128 characters, starts with a letter; letters, digits, \'.\', \'_\', \'-\''
description\t'Description: 2-256 characters, starts with a letter, not http:// or https://'
id-prefix\t'IDs have their resource\'s prefix (bgpg-, bgp-, vbr-, vpc-)'
region-id\t'RegionId looks like a region ID (cn-shanghai, ap-southeast-1)'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from delete" -l timeout -d 'Give up waiting after SECS seconds (exit 8); the overall --deadline grows to cover it unless --deadline is given' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from delete" -l interval -d 'First polling interval in seconds; later polls back off by 1.5x up to 5x this, at most 30 s' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from delete" -l from-file -d 'Read items from FILE (or \'-\' for stdin): NDJSON or a JSON array of objects with the API\'s field names, as the JSON output prints them; each item gets its own ClientToken' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from delete" -l concurrency -d 'Most requests in flight at once; lowered automatically while the API throttles, then raised again (AIMD)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from delete" -s p -l profile -d 'Profile to use (`emulator` is built in: a local emulator, no account needed)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from delete" -s r -l region -d 'Region (API parameter RegionId), e.g. cn-shanghai' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from delete" -l endpoint -d 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from delete" -l ca-bundle -d 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from delete" -l signature-version -d 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)' -r -f -a "v3\t''
v2\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (lists are one array)'
ndjson\t'One JSON object per line'
tsv\t'Tab-separated values with a header line'
value\t'Bare values, one per line, for shell variables and loops'
none\t'Nothing on stdout'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from delete" -l fields -d 'Columns to show for table, tsv and value output, comma-separated (after --query)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from delete" -l query -d 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from delete" -l error-format -d 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]' -r -f -a "text\t''
json\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from delete" -l connect-timeout -d 'Connection timeout in seconds [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from delete" -l read-timeout -d 'Timeout of one HTTP attempt in seconds [default: 30]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from delete" -l deadline -d 'Overall deadline of the command\'s API calls, retries included, in seconds [default: 300]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from delete" -l max-attempts -d 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from delete" -l dry-run -d 'Validate, print the exact request that would be sent (action, endpoint, parameters; secrets masked) and send nothing'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from delete" -l wait -d 'Wait until the resource is Available (after create/update) or gone (after delete); a failure state or the timeout exits 8'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from delete" -l continue-on-error -d 'Keep going after an item fails (default: stop sending new items at the first failure)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from delete" -l allow-insecure-endpoint -d 'Allow a plain-http endpoint that is not on loopback'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from delete" -l debug -d 'Log every HTTP attempt to stderr (secrets masked)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Silence notices, progress and warnings on stderr'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from delete" -l no-color -d 'Never colour output (NO_COLOR is also respected)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Answer yes to confirmations (required for deletes when stdin is not a terminal)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from delete" -l show-secrets -d 'Show secrets such as the BGP AuthKey in output instead of masking them'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "list" -d 'List advertised networks (every page), optionally of one VBR'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "add" -d 'Advertise a CIDR block over BGP from a VBR and print it (AddBgpNetwork); --from-file adds many'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Withdraw an advertised network (DeleteBgpNetwork); --from-file withdraws many'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and not __fish_seen_subcommand_from list show help" -s p -l profile -d 'Profile to use (`emulator` is built in: a local emulator, no account needed)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and not __fish_seen_subcommand_from list show help" -s r -l region -d 'Region (API parameter RegionId), e.g. cn-shanghai' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and not __fish_seen_subcommand_from list show help" -l endpoint -d 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and not __fish_seen_subcommand_from list show help" -l ca-bundle -d 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and not __fish_seen_subcommand_from list show help" -l signature-version -d 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)' -r -f -a "v3\t''
v2\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and not __fish_seen_subcommand_from list show help" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (lists are one array)'
ndjson\t'One JSON object per line'
tsv\t'Tab-separated values with a header line'
value\t'Bare values, one per line, for shell variables and loops'
none\t'Nothing on stdout'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and not __fish_seen_subcommand_from list show help" -l fields -d 'Columns to show for table, tsv and value output, comma-separated (after --query)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and not __fish_seen_subcommand_from list show help" -l query -d 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and not __fish_seen_subcommand_from list show help" -l error-format -d 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]' -r -f -a "text\t''
json\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and not __fish_seen_subcommand_from list show help" -l connect-timeout -d 'Connection timeout in seconds [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and not __fish_seen_subcommand_from list show help" -l read-timeout -d 'Timeout of one HTTP attempt in seconds [default: 30]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and not __fish_seen_subcommand_from list show help" -l deadline -d 'Overall deadline of the command\'s API calls, retries included, in seconds [default: 300]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and not __fish_seen_subcommand_from list show help" -l max-attempts -d 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and not __fish_seen_subcommand_from list show help" -l allow-insecure-endpoint -d 'Allow a plain-http endpoint that is not on loopback'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and not __fish_seen_subcommand_from list show help" -l debug -d 'Log every HTTP attempt to stderr (secrets masked)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and not __fish_seen_subcommand_from list show help" -s q -l quiet -d 'Silence notices, progress and warnings on stderr'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and not __fish_seen_subcommand_from list show help" -l no-color -d 'Never colour output (NO_COLOR is also respected)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and not __fish_seen_subcommand_from list show help" -s y -l yes -d 'Answer yes to confirmations (required for deletes when stdin is not a terminal)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and not __fish_seen_subcommand_from list show help" -l show-secrets -d 'Show secrets such as the BGP AuthKey in output instead of masking them'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and not __fish_seen_subcommand_from list show help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and not __fish_seen_subcommand_from list show help" -s V -l version -d 'Print version'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and not __fish_seen_subcommand_from list show help" -f -a "list" -d 'List the virtual border routers of the region (every page)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and not __fish_seen_subcommand_from list show help" -f -a "show" -d 'The whole BGP picture of one VBR: its groups, their peers, and its advertised networks'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and not __fish_seen_subcommand_from list show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from list" -l vbr-id -l router-id -d 'Only these VBRs (API Filter Key=VbrId); repeatable or comma-separated [default: all]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from list" -l status -d 'Only VBRs in this state (API Filter Key=Status); repeatable or comma-separated [default: any state]' -r -f -a "unconfirmed\t''
active\t''
terminating\t''
terminated\t''
recovering\t''
deleting\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from list" -l name -d 'Only VBRs with this exact name (API Filter Key=Name); repeatable [default: any name]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from list" -l physical-connection-id -d 'Only VBRs on this Express Connect circuit (API Filter Key=PhysicalConnectionId); repeatable or comma-separated [default: any]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from list" -l access-point-id -d 'Only VBRs at this access point (API Filter Key=AccessPointId); repeatable or comma-separated [default: any]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from list" -l limit -d 'Stop after N VBRs instead of fetching every page [default: no limit]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from list" -s p -l profile -d 'Profile to use (`emulator` is built in: a local emulator, no account needed)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from list" -s r -l region -d 'Region (API parameter RegionId), e.g. cn-shanghai' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from list" -l endpoint -d 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from list" -l ca-bundle -d 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from list" -l signature-version -d 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)' -r -f -a "v3\t''
v2\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (lists are one array)'
ndjson\t'One JSON object per line'
tsv\t'Tab-separated values with a header line'
value\t'Bare values, one per line, for shell variables and loops'
none\t'Nothing on stdout'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from list" -l fields -d 'Columns to show for table, tsv and value output, comma-separated (after --query)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from list" -l query -d 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from list" -l error-format -d 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]' -r -f -a "text\t''
json\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from list" -l connect-timeout -d 'Connection timeout in seconds [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from list" -l read-timeout -d 'Timeout of one HTTP attempt in seconds [default: 30]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from list" -l deadline -d 'Overall deadline of the command\'s API calls, retries included, in seconds [default: 300]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from list" -l max-attempts -d 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from list" -l allow-insecure-endpoint -d 'Allow a plain-http endpoint that is not on loopback'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from list" -l debug -d 'Log every HTTP attempt to stderr (secrets masked)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Silence notices, progress and warnings on stderr'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from list" -l no-color -d 'Never colour output (NO_COLOR is also respected)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations (required for deletes when stdin is not a terminal)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from list" -l show-secrets -d 'Show secrets such as the BGP AuthKey in output instead of masking them'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from show" -l no-validate -d 'Skip one validation rule before sending (here: id-prefix); repeatable [default: check all]' -r -f -a "ip-address\t'An IP address is IPv4 or IPv6 syntax'
ip-version\t'An IP address\'s family matches --ip-version'
bfd-multi-hop\t'BfdMultiHop is 1-255'
bfd-enabled\t'BfdMultiHop is only given with BFD enabled'
peer-asn\t'PeerAsn is 1-4294967295 and not 45104'
local-asn\t'LocalAsn is 45104, 64512-65534 or 4200000000-4294967294, and not 65025'
cidr\t'A CIDR block is ADDRESS/PREFIX syntax'
cidr-host-bits\t'A CIDR block has its host bits zero'
client-token\t'ClientToken is ASCII and at most 64 characters'
name\t'Name: 2-128 characters, starts with a letter; letters, digits, \'.\', \'_\', \'-\''
description\t'Description: 2-256 characters, starts with a letter, not http:// or https://'
id-prefix\t'IDs have their resource\'s prefix (bgpg-, bgp-, vbr-, vpc-)'
region-id\t'RegionId looks like a region ID (cn-shanghai, ap-southeast-1)'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from show" -s p -l profile -d 'Profile to use (`emulator` is built in: a local emulator, no account needed)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from show" -s r -l region -d 'Region (API parameter RegionId), e.g. cn-shanghai' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from show" -l endpoint -d 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from show" -l ca-bundle -d 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from show" -l signature-version -d 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)' -r -f -a "v3\t''
v2\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (lists are one array)'
ndjson\t'One JSON object per line'
tsv\t'Tab-separated values with a header line'
value\t'Bare values, one per line, for shell variables and loops'
none\t'Nothing on stdout'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from show" -l fields -d 'Columns to show for table, tsv and value output, comma-separated (after --query)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from show" -l query -d 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from show" -l error-format -d 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]' -r -f -a "text\t''
json\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from show" -l connect-timeout -d 'Connection timeout in seconds [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from show" -l read-timeout -d 'Timeout of one HTTP attempt in seconds [default: 30]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from show" -l deadline -d 'Overall deadline of the command\'s API calls, retries included, in seconds [default: 300]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from show" -l max-attempts -d 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from show" -l allow-insecure-endpoint -d 'Allow a plain-http endpoint that is not on loopback'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from show" -l debug -d 'Log every HTTP attempt to stderr (secrets masked)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Silence notices, progress and warnings on stderr'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from show" -l no-color -d 'Never colour output (NO_COLOR is also respected)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations (required for deletes when stdin is not a terminal)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from show" -l show-secrets -d 'Show secrets such as the BGP AuthKey in output instead of masking them'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the virtual border routers of the region (every page)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from help" -f -a "show" -d 'The whole BGP picture of one VBR: its groups, their peers, and its advertised networks'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand vbr; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand region; and not __fish_seen_subcommand_from list help" -s p -l profile -d 'Profile to use (`emulator` is built in: a local emulator, no account needed)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand region; and not __fish_seen_subcommand_from list help" -s r -l region -d 'Region (API parameter RegionId), e.g. cn-shanghai' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand region; and not __fish_seen_subcommand_from list help" -l endpoint -d 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand region; and not __fish_seen_subcommand_from list help" -l ca-bundle -d 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand region; and not __fish_seen_subcommand_from list help" -l signature-version -d 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)' -r -f -a "v3\t''
v2\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand region; and not __fish_seen_subcommand_from list help" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (lists are one array)'
ndjson\t'One JSON object per line'
tsv\t'Tab-separated values with a header line'
value\t'Bare values, one per line, for shell variables and loops'
none\t'Nothing on stdout'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand region; and not __fish_seen_subcommand_from list help" -l fields -d 'Columns to show for table, tsv and value output, comma-separated (after --query)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand region; and not __fish_seen_subcommand_from list help" -l query -d 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand region; and not __fish_seen_subcommand_from list help" -l error-format -d 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]' -r -f -a "text\t''
json\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand region; and not __fish_seen_subcommand_from list help" -l connect-timeout -d 'Connection timeout in seconds [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand region; and not __fish_seen_subcommand_from list help" -l read-timeout -d 'Timeout of one HTTP attempt in seconds [default: 30]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand region; and not __fish_seen_subcommand_from list help" -l deadline -d 'Overall deadline of the command\'s API calls, retries included, in seconds [default: 300]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand region; and not __fish_seen_subcommand_from list help" -l max-attempts -d 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand region; and not __fish_seen_subcommand_from list help" -l allow-insecure-endpoint -d 'Allow a plain-http endpoint that is not on loopback'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand region; and not __fish_seen_subcommand_from list help" -l debug -d 'Log every HTTP attempt to stderr (secrets masked)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand region; and not __fish_seen_subcommand_from list help" -s q -l quiet -d 'Silence notices, progress and warnings on stderr'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand region; and not __fish_seen_subcommand_from list help" -l no-color -d 'Never colour output (NO_COLOR is also respected)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand region; and not __fish_seen_subcommand_from list help" -s y -l yes -d 'Answer yes to confirmations (required for deletes when stdin is not a terminal)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand region; and not __fish_seen_subcommand_from list help" -l show-secrets -d 'Show secrets such as the BGP AuthKey in output instead of masking them'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand region; and not __fish_seen_subcommand_from list help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand region; and not __fish_seen_subcommand_from list help" -s V -l version -d 'Print version'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand region; and not __fish_seen_subcommand_from list help" -f -a "list" -d 'List the regions the VPC API serves, with their endpoints'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand region; and not __fish_seen_subcommand_from list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand region; and __fish_seen_subcommand_from list" -l accept-language -d 'Language of LocalName (API parameter AcceptLanguage)' -r -f -a "zh-CN\t'Simplified Chinese (the API\'s own default)'
en-US\t'English'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand region; and __fish_seen_subcommand_from list" -s p -l profile -d 'Profile to use (`emulator` is built in: a local emulator, no account needed)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand region; and __fish_seen_subcommand_from list" -s r -l region -d 'Region (API parameter RegionId), e.g. cn-shanghai' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand region; and __fish_seen_subcommand_from list" -l endpoint -d 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand region; and __fish_seen_subcommand_from list" -l ca-bundle -d 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand region; and __fish_seen_subcommand_from list" -l signature-version -d 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)' -r -f -a "v3\t''
v2\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand region; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (lists are one array)'
ndjson\t'One JSON object per line'
tsv\t'Tab-separated values with a header line'
value\t'Bare values, one per line, for shell variables and loops'
none\t'Nothing on stdout'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand region; and __fish_seen_subcommand_from list" -l fields -d 'Columns to show for table, tsv and value output, comma-separated (after --query)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand region; and __fish_seen_subcommand_from list" -l query -d 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand region; and __fish_seen_subcommand_from list" -l error-format -d 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]' -r -f -a "text\t''
json\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand region; and __fish_seen_subcommand_from list" -l connect-timeout -d 'Connection timeout in seconds [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand region; and __fish_seen_subcommand_from list" -l read-timeout -d 'Timeout of one HTTP attempt in seconds [default: 30]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand region; and __fish_seen_subcommand_from list" -l deadline -d 'Overall deadline of the command\'s API calls, retries included, in seconds [default: 300]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand region; and __fish_seen_subcommand_from list" -l max-attempts -d 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand region; and __fish_seen_subcommand_from list" -l allow-insecure-endpoint -d 'Allow a plain-http endpoint that is not on loopback'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand region; and __fish_seen_subcommand_from list" -l debug -d 'Log every HTTP attempt to stderr (secrets masked)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand region; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Silence notices, progress and warnings on stderr'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand region; and __fish_seen_subcommand_from list" -l no-color -d 'Never colour output (NO_COLOR is also respected)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand region; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations (required for deletes when stdin is not a terminal)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand region; and __fish_seen_subcommand_from list" -l show-secrets -d 'Show secrets such as the BGP AuthKey in output instead of masking them'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand region; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand region; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand region; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the regions the VPC API serves, with their endpoints'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand region; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand export" -s p -l profile -d 'Profile to use (`emulator` is built in: a local emulator, no account needed)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand export" -s r -l region -d 'Region (API parameter RegionId), e.g. cn-shanghai' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand export" -l endpoint -d 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand export" -l ca-bundle -d 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand export" -l signature-version -d 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)' -r -f -a "v3\t''
v2\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand export" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (lists are one array)'
ndjson\t'One JSON object per line'
tsv\t'Tab-separated values with a header line'
value\t'Bare values, one per line, for shell variables and loops'
none\t'Nothing on stdout'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand export" -l fields -d 'Columns to show for table, tsv and value output, comma-separated (after --query)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand export" -l query -d 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand export" -l error-format -d 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]' -r -f -a "text\t''
json\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand export" -l connect-timeout -d 'Connection timeout in seconds [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand export" -l read-timeout -d 'Timeout of one HTTP attempt in seconds [default: 30]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand export" -l deadline -d 'Overall deadline of the command\'s API calls, retries included, in seconds [default: 300]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand export" -l max-attempts -d 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand export" -l all -d 'Export every VBR of the region'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand export" -l allow-insecure-endpoint -d 'Allow a plain-http endpoint that is not on loopback'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand export" -l debug -d 'Log every HTTP attempt to stderr (secrets masked)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand export" -s q -l quiet -d 'Silence notices, progress and warnings on stderr'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand export" -l no-color -d 'Never colour output (NO_COLOR is also respected)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand export" -s y -l yes -d 'Answer yes to confirmations (required for deletes when stdin is not a terminal)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand export" -l show-secrets -d 'Show secrets such as the BGP AuthKey in output instead of masking them'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand export" -s V -l version -d 'Print version'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand plan" -s f -l file -d 'The declarative file (YAML or JSON), or \'-\' for stdin' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand plan" -l no-validate -d 'Skip one validation rule, repeatable or comma-separated, for values the API accepts but bgpeer\'s checks do not' -r -f -a "ip-address\t'An IP address is IPv4 or IPv6 syntax'
ip-version\t'An IP address\'s family matches --ip-version'
bfd-multi-hop\t'BfdMultiHop is 1-255'
bfd-enabled\t'BfdMultiHop is only given with BFD enabled'
peer-asn\t'PeerAsn is 1-4294967295 and not 45104'
local-asn\t'LocalAsn is 45104, 64512-65534 or 4200000000-4294967294, and not 65025'
cidr\t'A CIDR block is ADDRESS/PREFIX syntax'
cidr-host-bits\t'A CIDR block has its host bits zero'
client-token\t'ClientToken is ASCII and at most 64 characters'
name\t'Name: 2-128 characters, starts with a letter; letters, digits, \'.\', \'_\', \'-\''
description\t'Description: 2-256 characters, starts with a letter, not http:// or https://'
id-prefix\t'IDs have their resource\'s prefix (bgpg-, bgp-, vbr-, vpc-)'
region-id\t'RegionId looks like a region ID (cn-shanghai, ap-southeast-1)'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand plan" -l concurrency -d 'Most requests in flight at once per region; lowered automatically while the API throttles' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand plan" -l out -d 'Save the plan, with a fingerprint of the live set-up it was made from, for `bgpeer apply PLAN`' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand plan" -s p -l profile -d 'Profile to use (`emulator` is built in: a local emulator, no account needed)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand plan" -s r -l region -d 'Region (API parameter RegionId), e.g. cn-shanghai' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand plan" -l endpoint -d 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand plan" -l ca-bundle -d 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand plan" -l signature-version -d 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)' -r -f -a "v3\t''
v2\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand plan" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (lists are one array)'
ndjson\t'One JSON object per line'
tsv\t'Tab-separated values with a header line'
value\t'Bare values, one per line, for shell variables and loops'
none\t'Nothing on stdout'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand plan" -l fields -d 'Columns to show for table, tsv and value output, comma-separated (after --query)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand plan" -l query -d 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand plan" -l error-format -d 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]' -r -f -a "text\t''
json\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand plan" -l connect-timeout -d 'Connection timeout in seconds [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand plan" -l read-timeout -d 'Timeout of one HTTP attempt in seconds [default: 30]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand plan" -l deadline -d 'Overall deadline of the command\'s API calls, retries included, in seconds [default: 300]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand plan" -l max-attempts -d 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand plan" -l prune -d 'Delete live objects the file does not mention (only within the VBRs the file names)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand plan" -l detailed-exitcode -d 'Exit 10 when the plan has changes (0 when it has none), so CI can gate on drift'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand plan" -l allow-insecure-endpoint -d 'Allow a plain-http endpoint that is not on loopback'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand plan" -l debug -d 'Log every HTTP attempt to stderr (secrets masked)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand plan" -s q -l quiet -d 'Silence notices, progress and warnings on stderr'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand plan" -l no-color -d 'Never colour output (NO_COLOR is also respected)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand plan" -s y -l yes -d 'Answer yes to confirmations (required for deletes when stdin is not a terminal)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand plan" -l show-secrets -d 'Show secrets such as the BGP AuthKey in output instead of masking them'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand plan" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand plan" -s V -l version -d 'Print version'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand apply" -s f -l file -d 'The declarative file (YAML or JSON), or \'-\' for stdin (then --yes is needed)' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand apply" -l no-validate -d 'Skip one validation rule, repeatable or comma-separated, for values the API accepts but bgpeer\'s checks do not' -r -f -a "ip-address\t'An IP address is IPv4 or IPv6 syntax'
ip-version\t'An IP address\'s family matches --ip-version'
bfd-multi-hop\t'BfdMultiHop is 1-255'
bfd-enabled\t'BfdMultiHop is only given with BFD enabled'
peer-asn\t'PeerAsn is 1-4294967295 and not 45104'
local-asn\t'LocalAsn is 45104, 64512-65534 or 4200000000-4294967294, and not 65025'
cidr\t'A CIDR block is ADDRESS/PREFIX syntax'
cidr-host-bits\t'A CIDR block has its host bits zero'
client-token\t'ClientToken is ASCII and at most 64 characters'
name\t'Name: 2-128 characters, starts with a letter; letters, digits, \'.\', \'_\', \'-\''
description\t'Description: 2-256 characters, starts with a letter, not http:// or https://'
id-prefix\t'IDs have their resource\'s prefix (bgpg-, bgp-, vbr-, vpc-)'
region-id\t'RegionId looks like a region ID (cn-shanghai, ap-southeast-1)'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand apply" -l concurrency -d 'Most requests in flight at once per region; lowered automatically while the API throttles' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand apply" -l wait-established -d 'After applying, wait up to SECS for every created or changed peer\'s session to be Established (exit 8 if it is not)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand apply" -l timeout -d 'Give up waiting for an object to be Available or gone after SECS seconds (exit 8)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand apply" -l interval -d 'First polling interval of those waits, in seconds (later polls back off up to 5x)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand apply" -s p -l profile -d 'Profile to use (`emulator` is built in: a local emulator, no account needed)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand apply" -s r -l region -d 'Region (API parameter RegionId), e.g. cn-shanghai' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand apply" -l endpoint -d 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand apply" -l ca-bundle -d 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand apply" -l signature-version -d 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)' -r -f -a "v3\t''
v2\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand apply" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (lists are one array)'
ndjson\t'One JSON object per line'
tsv\t'Tab-separated values with a header line'
value\t'Bare values, one per line, for shell variables and loops'
none\t'Nothing on stdout'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand apply" -l fields -d 'Columns to show for table, tsv and value output, comma-separated (after --query)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand apply" -l query -d 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand apply" -l error-format -d 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]' -r -f -a "text\t''
json\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand apply" -l connect-timeout -d 'Connection timeout in seconds [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand apply" -l read-timeout -d 'Timeout of one HTTP attempt in seconds [default: 30]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand apply" -l deadline -d 'Overall deadline of the command\'s API calls, retries included, in seconds [default: 300]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand apply" -l max-attempts -d 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand apply" -l prune -d 'Delete live objects the file does not mention (only within the VBRs the file names)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand apply" -l allow-replace -d 'Allow changes that replace an object (delete, then create), which drops its BGP sessions; without it, a terminal asks, naming them, and a script is refused'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand apply" -l rollback-on-failure -d 'With --wait-established: if the sessions do not come up in time, undo what this apply did (restore updated fields, delete what it created, re-create what it deleted)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand apply" -l allow-insecure-endpoint -d 'Allow a plain-http endpoint that is not on loopback'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand apply" -l debug -d 'Log every HTTP attempt to stderr (secrets masked)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand apply" -s q -l quiet -d 'Silence notices, progress and warnings on stderr'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand apply" -l no-color -d 'Never colour output (NO_COLOR is also respected)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand apply" -s y -l yes -d 'Answer yes to confirmations (required for deletes when stdin is not a terminal)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand apply" -l show-secrets -d 'Show secrets such as the BGP AuthKey in output instead of masking them'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand apply" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand apply" -s V -l version -d 'Print version'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand api" -l param -d 'An API parameter as KEY=VALUE; repeatable, a repeated KEY becomes KEY.1, KEY.2, ... [default: none]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand api" -l client-token -d 'Idempotency token (API parameter ClientToken, 1-64 ASCII characters) for mutating actions [default: a fresh UUID, reused on every retry of this call]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand api" -s p -l profile -d 'Profile to use (`emulator` is built in: a local emulator, no account needed)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand api" -s r -l region -d 'Region (API parameter RegionId), e.g. cn-shanghai' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand api" -l endpoint -d 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand api" -l ca-bundle -d 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand api" -l signature-version -d 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)' -r -f -a "v3\t''
v2\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand api" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (lists are one array)'
ndjson\t'One JSON object per line'
tsv\t'Tab-separated values with a header line'
value\t'Bare values, one per line, for shell variables and loops'
none\t'Nothing on stdout'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand api" -l fields -d 'Columns to show for table, tsv and value output, comma-separated (after --query)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand api" -l query -d 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand api" -l error-format -d 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]' -r -f -a "text\t''
json\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand api" -l connect-timeout -d 'Connection timeout in seconds [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand api" -l read-timeout -d 'Timeout of one HTTP attempt in seconds [default: 30]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand api" -l deadline -d 'Overall deadline of the command\'s API calls, retries included, in seconds [default: 300]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand api" -l max-attempts -d 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand api" -l allow-insecure-endpoint -d 'Allow a plain-http endpoint that is not on loopback'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand api" -l debug -d 'Log every HTTP attempt to stderr (secrets masked)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand api" -s q -l quiet -d 'Silence notices, progress and warnings on stderr'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand api" -l no-color -d 'Never colour output (NO_COLOR is also respected)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand api" -s y -l yes -d 'Answer yes to confirmations (required for deletes when stdin is not a terminal)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand api" -l show-secrets -d 'Show secrets such as the BGP AuthKey in output instead of masking them'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand api" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand api" -s V -l version -d 'Print version'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and not __fish_seen_subcommand_from set list get delete switch export-credentials help" -s p -l profile -d 'Profile to use (`emulator` is built in: a local emulator, no account needed)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and not __fish_seen_subcommand_from set list get delete switch export-credentials help" -s r -l region -d 'Region (API parameter RegionId), e.g. cn-shanghai' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and not __fish_seen_subcommand_from set list get delete switch export-credentials help" -l endpoint -d 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and not __fish_seen_subcommand_from set list get delete switch export-credentials help" -l ca-bundle -d 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and not __fish_seen_subcommand_from set list get delete switch export-credentials help" -l signature-version -d 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)' -r -f -a "v3\t''
v2\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and not __fish_seen_subcommand_from set list get delete switch export-credentials help" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (lists are one array)'
ndjson\t'One JSON object per line'
tsv\t'Tab-separated values with a header line'
value\t'Bare values, one per line, for shell variables and loops'
none\t'Nothing on stdout'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and not __fish_seen_subcommand_from set list get delete switch export-credentials help" -l fields -d 'Columns to show for table, tsv and value output, comma-separated (after --query)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and not __fish_seen_subcommand_from set list get delete switch export-credentials help" -l query -d 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and not __fish_seen_subcommand_from set list get delete switch export-credentials help" -l error-format -d 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]' -r -f -a "text\t''
json\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and not __fish_seen_subcommand_from set list get delete switch export-credentials help" -l connect-timeout -d 'Connection timeout in seconds [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and not __fish_seen_subcommand_from set list get delete switch export-credentials help" -l read-timeout -d 'Timeout of one HTTP attempt in seconds [default: 30]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and not __fish_seen_subcommand_from set list get delete switch export-credentials help" -l deadline -d 'Overall deadline of the command\'s API calls, retries included, in seconds [default: 300]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and not __fish_seen_subcommand_from set list get delete switch export-credentials help" -l max-attempts -d 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and not __fish_seen_subcommand_from set list get delete switch export-credentials help" -l allow-insecure-endpoint -d 'Allow a plain-http endpoint that is not on loopback'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and not __fish_seen_subcommand_from set list get delete switch export-credentials help" -l debug -d 'Log every HTTP attempt to stderr (secrets masked)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and not __fish_seen_subcommand_from set list get delete switch export-credentials help" -s q -l quiet -d 'Silence notices, progress and warnings on stderr'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and not __fish_seen_subcommand_from set list get delete switch export-credentials help" -l no-color -d 'Never colour output (NO_COLOR is also respected)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and not __fish_seen_subcommand_from set list get delete switch export-credentials help" -s y -l yes -d 'Answer yes to confirmations (required for deletes when stdin is not a terminal)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and not __fish_seen_subcommand_from set list get delete switch export-credentials help" -l show-secrets -d 'Show secrets such as the BGP AuthKey in output instead of masking them'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and not __fish_seen_subcommand_from set list get delete switch export-credentials help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and not __fish_seen_subcommand_from set list get delete switch export-credentials help" -s V -l version -d 'Print version'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and not __fish_seen_subcommand_from set list get delete switch export-credentials help" -f -a "set" -d 'Create or update the profile named by --profile (secrets from stdin or an environment variable, never argv)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and not __fish_seen_subcommand_from set list get delete switch export-credentials help" -f -a "list" -d 'List profiles and where each effective setting comes from'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and not __fish_seen_subcommand_from set list get delete switch export-credentials help" -f -a "get" -d 'Print one effective setting of the active profile (secrets are never printed)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and not __fish_seen_subcommand_from set list get delete switch export-credentials help" -f -a "delete" -d 'Delete a profile from bgpeer\'s config file'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and not __fish_seen_subcommand_from set list get delete switch export-credentials help" -f -a "switch" -d 'Make a profile the current one (used when no --profile or BGPEER_PROFILE is given)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and not __fish_seen_subcommand_from set list get delete switch export-credentials help" -f -a "export-credentials" -d 'Print the active credentials for another tool (resolved through the whole chain; secrets!)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and not __fish_seen_subcommand_from set list get delete switch export-credentials help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from set" -l mode -d 'Credential mode: AK, StsToken, RamRoleArn, ChainableRamRoleArn, EcsRamRole, OIDC, External, CredentialsURI' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from set" -l access-key-id -d 'AccessKey ID (AK, StsToken, RamRoleArn)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from set" -l access-key-secret-from -d 'Where to read the AccessKey secret: `stdin` (first line) or `env:VAR`' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from set" -l security-token-from -d 'Where to read the STS security token (StsToken): `stdin` or `env:VAR`' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from set" -l role-arn -d 'Role to assume (RamRoleArn, ChainableRamRoleArn, OIDC), acs:ram::<account>:role/<name>' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from set" -l role-session-name -d 'Session name for AssumeRole and AssumeRoleWithOIDC [default: bgpeer-<unix time>]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from set" -l duration-seconds -d 'Lifetime of the temporary credentials in seconds (900 or more) [default: 3600]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from set" -l external-id -d 'ExternalId for AssumeRole' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from set" -l policy -d 'Inline policy for AssumeRole and AssumeRoleWithOIDC (JSON)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from set" -l sts-region -d 'STS region (endpoint sts.<region>.aliyuncs.com)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from set" -l sts-endpoint -d 'STS endpoint, a host or URL (overrides --sts-region)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from set" -l oidc-provider-arn -d 'RAM OIDC identity provider (OIDC), acs:ram::<account>:oidc-provider/<name>' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from set" -l oidc-token-file -d 'File holding the OIDC token, read again on every refresh (OIDC)' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from set" -l source-profile -d 'Profile whose credentials assume the role (ChainableRamRoleArn)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from set" -l role-name -d 'RAM role of the ECS instance (EcsRamRole) [default: discovered]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from set" -l process-command -d 'Command that prints credentials JSON (External)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from set" -l credentials-uri -d 'URL that serves credentials JSON (CredentialsURI)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from set" -l unset -d 'Remove a key from the profile (repeatable), e.g. --unset endpoint' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from set" -s p -l profile -d 'Profile to use (`emulator` is built in: a local emulator, no account needed)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from set" -s r -l region -d 'Region (API parameter RegionId), e.g. cn-shanghai' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from set" -l endpoint -d 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from set" -l ca-bundle -d 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from set" -l signature-version -d 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)' -r -f -a "v3\t''
v2\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from set" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (lists are one array)'
ndjson\t'One JSON object per line'
tsv\t'Tab-separated values with a header line'
value\t'Bare values, one per line, for shell variables and loops'
none\t'Nothing on stdout'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from set" -l fields -d 'Columns to show for table, tsv and value output, comma-separated (after --query)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from set" -l query -d 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from set" -l error-format -d 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]' -r -f -a "text\t''
json\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from set" -l connect-timeout -d 'Connection timeout in seconds [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from set" -l read-timeout -d 'Timeout of one HTTP attempt in seconds [default: 30]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from set" -l deadline -d 'Overall deadline of the command\'s API calls, retries included, in seconds [default: 300]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from set" -l max-attempts -d 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from set" -l enable-vpc -d 'Call STS at its VPC endpoint sts-vpc.<sts region>.aliyuncs.com (OIDC)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from set" -l allow-insecure-endpoint -d 'Allow a plain-http endpoint that is not on loopback'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from set" -l debug -d 'Log every HTTP attempt to stderr (secrets masked)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Silence notices, progress and warnings on stderr'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from set" -l no-color -d 'Never colour output (NO_COLOR is also respected)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from set" -s y -l yes -d 'Answer yes to confirmations (required for deletes when stdin is not a terminal)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from set" -l show-secrets -d 'Show secrets such as the BGP AuthKey in output instead of masking them'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from list" -s p -l profile -d 'Profile to use (`emulator` is built in: a local emulator, no account needed)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from list" -s r -l region -d 'Region (API parameter RegionId), e.g. cn-shanghai' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from list" -l endpoint -d 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from list" -l ca-bundle -d 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from list" -l signature-version -d 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)' -r -f -a "v3\t''
v2\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (lists are one array)'
ndjson\t'One JSON object per line'
tsv\t'Tab-separated values with a header line'
value\t'Bare values, one per line, for shell variables and loops'
none\t'Nothing on stdout'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from list" -l fields -d 'Columns to show for table, tsv and value output, comma-separated (after --query)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from list" -l query -d 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from list" -l error-format -d 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]' -r -f -a "text\t''
json\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from list" -l connect-timeout -d 'Connection timeout in seconds [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from list" -l read-timeout -d 'Timeout of one HTTP attempt in seconds [default: 30]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from list" -l deadline -d 'Overall deadline of the command\'s API calls, retries included, in seconds [default: 300]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from list" -l max-attempts -d 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from list" -l allow-insecure-endpoint -d 'Allow a plain-http endpoint that is not on loopback'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from list" -l debug -d 'Log every HTTP attempt to stderr (secrets masked)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Silence notices, progress and warnings on stderr'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from list" -l no-color -d 'Never colour output (NO_COLOR is also respected)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations (required for deletes when stdin is not a terminal)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from list" -l show-secrets -d 'Show secrets such as the BGP AuthKey in output instead of masking them'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from get" -s p -l profile -d 'Profile to use (`emulator` is built in: a local emulator, no account needed)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from get" -s r -l region -d 'Region (API parameter RegionId), e.g. cn-shanghai' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from get" -l endpoint -d 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from get" -l ca-bundle -d 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from get" -l signature-version -d 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)' -r -f -a "v3\t''
v2\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from get" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (lists are one array)'
ndjson\t'One JSON object per line'
tsv\t'Tab-separated values with a header line'
value\t'Bare values, one per line, for shell variables and loops'
none\t'Nothing on stdout'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from get" -l fields -d 'Columns to show for table, tsv and value output, comma-separated (after --query)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from get" -l query -d 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from get" -l error-format -d 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]' -r -f -a "text\t''
json\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from get" -l connect-timeout -d 'Connection timeout in seconds [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from get" -l read-timeout -d 'Timeout of one HTTP attempt in seconds [default: 30]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from get" -l deadline -d 'Overall deadline of the command\'s API calls, retries included, in seconds [default: 300]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from get" -l max-attempts -d 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from get" -l allow-insecure-endpoint -d 'Allow a plain-http endpoint that is not on loopback'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from get" -l debug -d 'Log every HTTP attempt to stderr (secrets masked)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Silence notices, progress and warnings on stderr'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from get" -l no-color -d 'Never colour output (NO_COLOR is also respected)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from get" -s y -l yes -d 'Answer yes to confirmations (required for deletes when stdin is not a terminal)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from get" -l show-secrets -d 'Show secrets such as the BGP AuthKey in output instead of masking them'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from delete" -s r -l region -d 'Region (API parameter RegionId), e.g. cn-shanghai' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from delete" -l endpoint -d 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from delete" -l ca-bundle -d 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from delete" -l signature-version -d 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)' -r -f -a "v3\t''
v2\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (lists are one array)'
ndjson\t'One JSON object per line'
tsv\t'Tab-separated values with a header line'
value\t'Bare values, one per line, for shell variables and loops'
none\t'Nothing on stdout'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from delete" -l fields -d 'Columns to show for table, tsv and value output, comma-separated (after --query)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from delete" -l query -d 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from delete" -l error-format -d 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]' -r -f -a "text\t''
json\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from delete" -l connect-timeout -d 'Connection timeout in seconds [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from delete" -l read-timeout -d 'Timeout of one HTTP attempt in seconds [default: 30]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from delete" -l deadline -d 'Overall deadline of the command\'s API calls, retries included, in seconds [default: 300]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from delete" -l max-attempts -d 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from delete" -l allow-insecure-endpoint -d 'Allow a plain-http endpoint that is not on loopback'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from delete" -l debug -d 'Log every HTTP attempt to stderr (secrets masked)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Silence notices, progress and warnings on stderr'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from delete" -l no-color -d 'Never colour output (NO_COLOR is also respected)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Answer yes to confirmations (required for deletes when stdin is not a terminal)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from delete" -l show-secrets -d 'Show secrets such as the BGP AuthKey in output instead of masking them'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from switch" -s r -l region -d 'Region (API parameter RegionId), e.g. cn-shanghai' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from switch" -l endpoint -d 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from switch" -l ca-bundle -d 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from switch" -l signature-version -d 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)' -r -f -a "v3\t''
v2\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from switch" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (lists are one array)'
ndjson\t'One JSON object per line'
tsv\t'Tab-separated values with a header line'
value\t'Bare values, one per line, for shell variables and loops'
none\t'Nothing on stdout'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from switch" -l fields -d 'Columns to show for table, tsv and value output, comma-separated (after --query)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from switch" -l query -d 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from switch" -l error-format -d 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]' -r -f -a "text\t''
json\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from switch" -l connect-timeout -d 'Connection timeout in seconds [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from switch" -l read-timeout -d 'Timeout of one HTTP attempt in seconds [default: 30]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from switch" -l deadline -d 'Overall deadline of the command\'s API calls, retries included, in seconds [default: 300]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from switch" -l max-attempts -d 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from switch" -l allow-insecure-endpoint -d 'Allow a plain-http endpoint that is not on loopback'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from switch" -l debug -d 'Log every HTTP attempt to stderr (secrets masked)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from switch" -s q -l quiet -d 'Silence notices, progress and warnings on stderr'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from switch" -l no-color -d 'Never colour output (NO_COLOR is also respected)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from switch" -s y -l yes -d 'Answer yes to confirmations (required for deletes when stdin is not a terminal)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from switch" -l show-secrets -d 'Show secrets such as the BGP AuthKey in output instead of masking them'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from switch" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from switch" -s V -l version -d 'Print version'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from export-credentials" -l format -d 'How to print them (`--output` does not apply)' -r -f -a "process\t'JSON for a credential process: {"mode","access_key_id","access_key_secret","sts_token","expiration"}'
json\t'JSON: {"AccessKeyId","AccessKeySecret","SecurityToken","Expiration"}'
env\t'export ALIBABA_CLOUD_ACCESS_KEY_ID=... lines for sh, bash, zsh'
env-no-export\t'ALIBABA_CLOUD_ACCESS_KEY_ID=... lines (a .env file, docker --env-file)'
powershell\t'$Env:ALIBABA_CLOUD_ACCESS_KEY_ID="..." lines for PowerShell'
fish\t'set -gx ALIBABA_CLOUD_ACCESS_KEY_ID ... lines for fish'
windows-cmd\t'set ALIBABA_CLOUD_ACCESS_KEY_ID=... lines for cmd.exe'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from export-credentials" -s p -l profile -d 'Profile to use (`emulator` is built in: a local emulator, no account needed)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from export-credentials" -s r -l region -d 'Region (API parameter RegionId), e.g. cn-shanghai' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from export-credentials" -l endpoint -d 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from export-credentials" -l ca-bundle -d 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from export-credentials" -l signature-version -d 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)' -r -f -a "v3\t''
v2\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from export-credentials" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (lists are one array)'
ndjson\t'One JSON object per line'
tsv\t'Tab-separated values with a header line'
value\t'Bare values, one per line, for shell variables and loops'
none\t'Nothing on stdout'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from export-credentials" -l fields -d 'Columns to show for table, tsv and value output, comma-separated (after --query)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from export-credentials" -l query -d 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from export-credentials" -l error-format -d 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]' -r -f -a "text\t''
json\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from export-credentials" -l connect-timeout -d 'Connection timeout in seconds [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from export-credentials" -l read-timeout -d 'Timeout of one HTTP attempt in seconds [default: 30]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from export-credentials" -l deadline -d 'Overall deadline of the command\'s API calls, retries included, in seconds [default: 300]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from export-credentials" -l max-attempts -d 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from export-credentials" -l allow-insecure-endpoint -d 'Allow a plain-http endpoint that is not on loopback'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from export-credentials" -l debug -d 'Log every HTTP attempt to stderr (secrets masked)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from export-credentials" -s q -l quiet -d 'Silence notices, progress and warnings on stderr'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from export-credentials" -l no-color -d 'Never colour output (NO_COLOR is also respected)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from export-credentials" -s y -l yes -d 'Answer yes to confirmations (required for deletes when stdin is not a terminal)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from export-credentials" -l show-secrets -d 'Show secrets such as the BGP AuthKey in output instead of masking them'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from export-credentials" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from export-credentials" -s V -l version -d 'Print version'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from help" -f -a "set" -d 'Create or update the profile named by --profile (secrets from stdin or an environment variable, never argv)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from help" -f -a "list" -d 'List profiles and where each effective setting comes from'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from help" -f -a "get" -d 'Print one effective setting of the active profile (secrets are never printed)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a profile from bgpeer\'s config file'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from help" -f -a "switch" -d 'Make a profile the current one (used when no --profile or BGPEER_PROFILE is given)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from help" -f -a "export-credentials" -d 'Print the active credentials for another tool (resolved through the whole chain; secrets!)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand configure; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand whoami" -s p -l profile -d 'Profile to use (`emulator` is built in: a local emulator, no account needed)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand whoami" -s r -l region -d 'Region (API parameter RegionId), e.g. cn-shanghai' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand whoami" -l endpoint -d 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand whoami" -l ca-bundle -d 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand whoami" -l signature-version -d 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)' -r -f -a "v3\t''
v2\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand whoami" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (lists are one array)'
ndjson\t'One JSON object per line'
tsv\t'Tab-separated values with a header line'
value\t'Bare values, one per line, for shell variables and loops'
none\t'Nothing on stdout'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand whoami" -l fields -d 'Columns to show for table, tsv and value output, comma-separated (after --query)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand whoami" -l query -d 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand whoami" -l error-format -d 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]' -r -f -a "text\t''
json\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand whoami" -l connect-timeout -d 'Connection timeout in seconds [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand whoami" -l read-timeout -d 'Timeout of one HTTP attempt in seconds [default: 30]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand whoami" -l deadline -d 'Overall deadline of the command\'s API calls, retries included, in seconds [default: 300]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand whoami" -l max-attempts -d 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand whoami" -l allow-insecure-endpoint -d 'Allow a plain-http endpoint that is not on loopback'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand whoami" -l debug -d 'Log every HTTP attempt to stderr (secrets masked)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand whoami" -s q -l quiet -d 'Silence notices, progress and warnings on stderr'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand whoami" -l no-color -d 'Never colour output (NO_COLOR is also respected)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand whoami" -s y -l yes -d 'Answer yes to confirmations (required for deletes when stdin is not a terminal)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand whoami" -l show-secrets -d 'Show secrets such as the BGP AuthKey in output instead of masking them'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand whoami" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand whoami" -s V -l version -d 'Print version'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and not __fish_seen_subcommand_from serve reset help" -l listen -d 'Address to listen on; port 0 picks a free one' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and not __fish_seen_subcommand_from serve reset help" -l state -d 'Persist state in FILE (created with the seeded world when missing) [default: in memory]' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and not __fish_seen_subcommand_from serve reset help" -l key -d 'Accept this AccessKey pair instead of the well-known test key (repeatable)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and not __fish_seen_subcommand_from serve reset help" -l settle-ms -d 'How long new or changed objects stay Pending/Modifying/Deleting, in milliseconds' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and not __fish_seen_subcommand_from serve reset help" -l ready-file -d 'Write the bound IP:PORT (https://IP:PORT with TLS) to FILE once listening' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and not __fish_seen_subcommand_from serve reset help" -l tls-cert -d 'Serve HTTPS with this certificate chain (PEM, server certificate first); needs --tls-key' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and not __fish_seen_subcommand_from serve reset help" -l tls-key -d 'The private key of --tls-cert (PEM: PKCS#8, PKCS#1 or SEC1)' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and not __fish_seen_subcommand_from serve reset help" -l tls-ca-out -d 'Write the throw-away CA\'s certificate (PEM) to FILE, for clients to trust' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and not __fish_seen_subcommand_from serve reset help" -l fault -d 'A fault to inject from the start, e.g. kind=error,code=ServiceUnavailable,rate=0.5 (repeatable)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and not __fish_seen_subcommand_from serve reset help" -l accept-token -d 'An identity token to accept, KIND=TOKEN or KIND=@FILE (the token in a file), KIND one of oidc, cloud_sso, oauth_refresh (repeatable)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and not __fish_seen_subcommand_from serve reset help" -s p -l profile -d 'Profile to use (`emulator` is built in: a local emulator, no account needed)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and not __fish_seen_subcommand_from serve reset help" -s r -l region -d 'Region (API parameter RegionId), e.g. cn-shanghai' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and not __fish_seen_subcommand_from serve reset help" -l endpoint -d 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and not __fish_seen_subcommand_from serve reset help" -l ca-bundle -d 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and not __fish_seen_subcommand_from serve reset help" -l signature-version -d 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)' -r -f -a "v3\t''
v2\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and not __fish_seen_subcommand_from serve reset help" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (lists are one array)'
ndjson\t'One JSON object per line'
tsv\t'Tab-separated values with a header line'
value\t'Bare values, one per line, for shell variables and loops'
none\t'Nothing on stdout'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and not __fish_seen_subcommand_from serve reset help" -l fields -d 'Columns to show for table, tsv and value output, comma-separated (after --query)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and not __fish_seen_subcommand_from serve reset help" -l query -d 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and not __fish_seen_subcommand_from serve reset help" -l error-format -d 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]' -r -f -a "text\t''
json\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and not __fish_seen_subcommand_from serve reset help" -l connect-timeout -d 'Connection timeout in seconds [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and not __fish_seen_subcommand_from serve reset help" -l read-timeout -d 'Timeout of one HTTP attempt in seconds [default: 30]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and not __fish_seen_subcommand_from serve reset help" -l deadline -d 'Overall deadline of the command\'s API calls, retries included, in seconds [default: 300]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and not __fish_seen_subcommand_from serve reset help" -l max-attempts -d 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and not __fish_seen_subcommand_from serve reset help" -l allow-remote -d 'Allow a --listen address that is not loopback (the emulator accepts a well-known key)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and not __fish_seen_subcommand_from serve reset help" -l tls-self-signed -d 'Serve HTTPS with a throw-away CA made at start-up, for localhost, 127.0.0.1 and ::1'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and not __fish_seen_subcommand_from serve reset help" -l tls-only -d 'Refuse plain HTTP (by default HTTPS and HTTP share the port); it gets InvalidProtocol.NeedSsl'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and not __fish_seen_subcommand_from serve reset help" -l allow-insecure-endpoint -d 'Allow a plain-http endpoint that is not on loopback'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and not __fish_seen_subcommand_from serve reset help" -l debug -d 'Log every HTTP attempt to stderr (secrets masked)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and not __fish_seen_subcommand_from serve reset help" -s q -l quiet -d 'Silence notices, progress and warnings on stderr'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and not __fish_seen_subcommand_from serve reset help" -l no-color -d 'Never colour output (NO_COLOR is also respected)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and not __fish_seen_subcommand_from serve reset help" -s y -l yes -d 'Answer yes to confirmations (required for deletes when stdin is not a terminal)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and not __fish_seen_subcommand_from serve reset help" -l show-secrets -d 'Show secrets such as the BGP AuthKey in output instead of masking them'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and not __fish_seen_subcommand_from serve reset help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and not __fish_seen_subcommand_from serve reset help" -s V -l version -d 'Print version'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and not __fish_seen_subcommand_from serve reset help" -f -a "serve" -d 'Serve the emulated API (the default when no verb is given)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and not __fish_seen_subcommand_from serve reset help" -f -a "reset" -d 'Restore the seeded state'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and not __fish_seen_subcommand_from serve reset help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from serve" -l listen -d 'Address to listen on; port 0 picks a free one' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from serve" -l state -d 'Persist state in FILE (created with the seeded world when missing) [default: in memory]' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from serve" -l key -d 'Accept this AccessKey pair instead of the well-known test key (repeatable)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from serve" -l settle-ms -d 'How long new or changed objects stay Pending/Modifying/Deleting, in milliseconds' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from serve" -l ready-file -d 'Write the bound IP:PORT (https://IP:PORT with TLS) to FILE once listening' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from serve" -l tls-cert -d 'Serve HTTPS with this certificate chain (PEM, server certificate first); needs --tls-key' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from serve" -l tls-key -d 'The private key of --tls-cert (PEM: PKCS#8, PKCS#1 or SEC1)' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from serve" -l tls-ca-out -d 'Write the throw-away CA\'s certificate (PEM) to FILE, for clients to trust' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from serve" -l fault -d 'A fault to inject from the start, e.g. kind=error,code=ServiceUnavailable,rate=0.5 (repeatable)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from serve" -l accept-token -d 'An identity token to accept, KIND=TOKEN or KIND=@FILE (the token in a file), KIND one of oidc, cloud_sso, oauth_refresh (repeatable)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from serve" -s p -l profile -d 'Profile to use (`emulator` is built in: a local emulator, no account needed)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from serve" -s r -l region -d 'Region (API parameter RegionId), e.g. cn-shanghai' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from serve" -l endpoint -d 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from serve" -l ca-bundle -d 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from serve" -l signature-version -d 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)' -r -f -a "v3\t''
v2\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from serve" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (lists are one array)'
ndjson\t'One JSON object per line'
tsv\t'Tab-separated values with a header line'
value\t'Bare values, one per line, for shell variables and loops'
none\t'Nothing on stdout'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from serve" -l fields -d 'Columns to show for table, tsv and value output, comma-separated (after --query)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from serve" -l query -d 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from serve" -l error-format -d 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]' -r -f -a "text\t''
json\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from serve" -l connect-timeout -d 'Connection timeout in seconds [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from serve" -l read-timeout -d 'Timeout of one HTTP attempt in seconds [default: 30]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from serve" -l deadline -d 'Overall deadline of the command\'s API calls, retries included, in seconds [default: 300]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from serve" -l max-attempts -d 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from serve" -l allow-remote -d 'Allow a --listen address that is not loopback (the emulator accepts a well-known key)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from serve" -l tls-self-signed -d 'Serve HTTPS with a throw-away CA made at start-up, for localhost, 127.0.0.1 and ::1'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from serve" -l tls-only -d 'Refuse plain HTTP (by default HTTPS and HTTP share the port); it gets InvalidProtocol.NeedSsl'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from serve" -l allow-insecure-endpoint -d 'Allow a plain-http endpoint that is not on loopback'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from serve" -l debug -d 'Log every HTTP attempt to stderr (secrets masked)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from serve" -s q -l quiet -d 'Silence notices, progress and warnings on stderr'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from serve" -l no-color -d 'Never colour output (NO_COLOR is also respected)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from serve" -s y -l yes -d 'Answer yes to confirmations (required for deletes when stdin is not a terminal)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from serve" -l show-secrets -d 'Show secrets such as the BGP AuthKey in output instead of masking them'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from serve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from serve" -s V -l version -d 'Print version'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from reset" -l state -d 'The state file to reset [default: the built-in emulator profile\'s state]' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from reset" -s p -l profile -d 'Profile to use (`emulator` is built in: a local emulator, no account needed)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from reset" -s r -l region -d 'Region (API parameter RegionId), e.g. cn-shanghai' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from reset" -l endpoint -d 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from reset" -l ca-bundle -d 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from reset" -l signature-version -d 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)' -r -f -a "v3\t''
v2\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from reset" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (lists are one array)'
ndjson\t'One JSON object per line'
tsv\t'Tab-separated values with a header line'
value\t'Bare values, one per line, for shell variables and loops'
none\t'Nothing on stdout'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from reset" -l fields -d 'Columns to show for table, tsv and value output, comma-separated (after --query)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from reset" -l query -d 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from reset" -l error-format -d 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]' -r -f -a "text\t''
json\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from reset" -l connect-timeout -d 'Connection timeout in seconds [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from reset" -l read-timeout -d 'Timeout of one HTTP attempt in seconds [default: 30]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from reset" -l deadline -d 'Overall deadline of the command\'s API calls, retries included, in seconds [default: 300]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from reset" -l max-attempts -d 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from reset" -l allow-insecure-endpoint -d 'Allow a plain-http endpoint that is not on loopback'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from reset" -l debug -d 'Log every HTTP attempt to stderr (secrets masked)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from reset" -s q -l quiet -d 'Silence notices, progress and warnings on stderr'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from reset" -l no-color -d 'Never colour output (NO_COLOR is also respected)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from reset" -s y -l yes -d 'Answer yes to confirmations (required for deletes when stdin is not a terminal)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from reset" -l show-secrets -d 'Show secrets such as the BGP AuthKey in output instead of masking them'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from reset" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from reset" -s V -l version -d 'Print version'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from help" -f -a "serve" -d 'Serve the emulated API (the default when no verb is given)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from help" -f -a "reset" -d 'Restore the seeded state'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand emulator; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand completions" -s p -l profile -d 'Profile to use (`emulator` is built in: a local emulator, no account needed)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand completions" -s r -l region -d 'Region (API parameter RegionId), e.g. cn-shanghai' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand completions" -l endpoint -d 'API endpoint: a host (`vpc.cn-shanghai.aliyuncs.com`) or a full URL' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand completions" -l ca-bundle -d 'Also trust the CA certificates in FILE (PEM) for every HTTPS call [env: BGPEER_CA_BUNDLE]' -r -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand completions" -l signature-version -d 'Signature scheme: v3 (ACS3-HMAC-SHA256, default) or v2 (HMAC-SHA1)' -r -f -a "v3\t''
v2\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand completions" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t'Aligned table for people'
json\t'One JSON document (lists are one array)'
ndjson\t'One JSON object per line'
tsv\t'Tab-separated values with a header line'
value\t'Bare values, one per line, for shell variables and loops'
none\t'Nothing on stdout'"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand completions" -l fields -d 'Columns to show for table, tsv and value output, comma-separated (after --query)' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand completions" -l query -d 'JMESPath expression applied once to the whole result (every page merged, secrets already masked), before the output format; --fields then picks columns of its result' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand completions" -l error-format -d 'Error format on stderr [default: json when the output is json/ndjson and stderr is not a terminal]' -r -f -a "text\t''
json\t''"
complete -c bgpeer -n "__fish_bgpeer_using_subcommand completions" -l connect-timeout -d 'Connection timeout in seconds [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand completions" -l read-timeout -d 'Timeout of one HTTP attempt in seconds [default: 30]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand completions" -l deadline -d 'Overall deadline of the command\'s API calls, retries included, in seconds [default: 300]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand completions" -l max-attempts -d 'Attempts per API call, first try included (retries on throttling, 5xx, network errors) [default: 5]' -r
complete -c bgpeer -n "__fish_bgpeer_using_subcommand completions" -l allow-insecure-endpoint -d 'Allow a plain-http endpoint that is not on loopback'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand completions" -l debug -d 'Log every HTTP attempt to stderr (secrets masked)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand completions" -s q -l quiet -d 'Silence notices, progress and warnings on stderr'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand completions" -l no-color -d 'Never colour output (NO_COLOR is also respected)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand completions" -s y -l yes -d 'Answer yes to confirmations (required for deletes when stdin is not a terminal)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand completions" -l show-secrets -d 'Show secrets such as the BGP AuthKey in output instead of masking them'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand completions" -s V -l version -d 'Print version'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand help; and not __fish_seen_subcommand_from group peer network vbr region export plan apply api configure whoami emulator completions help" -f -a "group" -d 'BGP groups on a VBR'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand help; and not __fish_seen_subcommand_from group peer network vbr region export plan apply api configure whoami emulator completions help" -f -a "peer" -d 'BGP peers in a group'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand help; and not __fish_seen_subcommand_from group peer network vbr region export plan apply api configure whoami emulator completions help" -f -a "network" -d 'Networks advertised over BGP by a VBR'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand help; and not __fish_seen_subcommand_from group peer network vbr region export plan apply api configure whoami emulator completions help" -f -a "vbr" -d 'Virtual border routers and their whole BGP picture'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand help; and not __fish_seen_subcommand_from group peer network vbr region export plan apply api configure whoami emulator completions help" -f -a "region" -d 'Regions'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand help; and not __fish_seen_subcommand_from group peer network vbr region export plan apply api configure whoami emulator completions help" -f -a "export" -d 'Write the live BGP set-up of VBRs as a declarative file (YAML, or JSON)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand help; and not __fish_seen_subcommand_from group peer network vbr region export plan apply api configure whoami emulator completions help" -f -a "plan" -d 'Show what `apply` would change to make the live set-up match a file'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand help; and not __fish_seen_subcommand_from group peer network vbr region export plan apply api configure whoami emulator completions help" -f -a "apply" -d 'Make the live BGP set-up match a file (or a saved plan)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand help; and not __fish_seen_subcommand_from group peer network vbr region export plan apply api configure whoami emulator completions help" -f -a "api" -d 'A signed call to any VPC action, raw JSON out'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand help; and not __fish_seen_subcommand_from group peer network vbr region export plan apply api configure whoami emulator completions help" -f -a "configure" -d 'Profiles and credentials'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand help; and not __fish_seen_subcommand_from group peer network vbr region export plan apply api configure whoami emulator completions help" -f -a "whoami" -d 'Which profile and credentials are in use, and whether they work'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand help; and not __fish_seen_subcommand_from group peer network vbr region export plan apply api configure whoami emulator completions help" -f -a "emulator" -d 'Run the local emulator of the VPC BGP API'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand help; and not __fish_seen_subcommand_from group peer network vbr region export plan apply api configure whoami emulator completions help" -f -a "completions" -d 'Print a shell completion script'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand help; and not __fish_seen_subcommand_from group peer network vbr region export plan apply api configure whoami emulator completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand help; and __fish_seen_subcommand_from group" -f -a "list" -d 'List BGP groups (every page), optionally of one VBR'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand help; and __fish_seen_subcommand_from group" -f -a "show" -d 'Show one BGP group (exit 3 when it does not exist)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand help; and __fish_seen_subcommand_from group" -f -a "create" -d 'Create a BGP group on a VBR and print it (CreateBgpGroup)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand help; and __fish_seen_subcommand_from group" -f -a "update" -d 'Change a BGP group and print it (ModifyBgpGroupAttribute)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand help; and __fish_seen_subcommand_from group" -f -a "delete" -d 'Delete a BGP group (DeleteBgpGroup); --cascade deletes its peers first'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand help; and __fish_seen_subcommand_from peer" -f -a "list" -d 'List BGP peers (every page), filtered by group, VBR or ID'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand help; and __fish_seen_subcommand_from peer" -f -a "show" -d 'Show one BGP peer (exit 3 when it does not exist)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand help; and __fish_seen_subcommand_from peer" -f -a "create" -d 'Add a BGP peer to a group and print it (CreateBgpPeer); --from-file adds many'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand help; and __fish_seen_subcommand_from peer" -f -a "update" -d 'Change a BGP peer and print it (ModifyBgpPeerAttribute)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand help; and __fish_seen_subcommand_from peer" -f -a "delete" -d 'Delete a BGP peer (DeleteBgpPeer); --from-file deletes many'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand help; and __fish_seen_subcommand_from peer" -f -a "wait" -d 'Wait until a peer is Available, its BGP session Established, or it is gone'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand help; and __fish_seen_subcommand_from network" -f -a "list" -d 'List advertised networks (every page), optionally of one VBR'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand help; and __fish_seen_subcommand_from network" -f -a "add" -d 'Advertise a CIDR block over BGP from a VBR and print it (AddBgpNetwork); --from-file adds many'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand help; and __fish_seen_subcommand_from network" -f -a "delete" -d 'Withdraw an advertised network (DeleteBgpNetwork); --from-file withdraws many'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand help; and __fish_seen_subcommand_from vbr" -f -a "list" -d 'List the virtual border routers of the region (every page)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand help; and __fish_seen_subcommand_from vbr" -f -a "show" -d 'The whole BGP picture of one VBR: its groups, their peers, and its advertised networks'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand help; and __fish_seen_subcommand_from region" -f -a "list" -d 'List the regions the VPC API serves, with their endpoints'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand help; and __fish_seen_subcommand_from configure" -f -a "set" -d 'Create or update the profile named by --profile (secrets from stdin or an environment variable, never argv)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand help; and __fish_seen_subcommand_from configure" -f -a "list" -d 'List profiles and where each effective setting comes from'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand help; and __fish_seen_subcommand_from configure" -f -a "get" -d 'Print one effective setting of the active profile (secrets are never printed)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand help; and __fish_seen_subcommand_from configure" -f -a "delete" -d 'Delete a profile from bgpeer\'s config file'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand help; and __fish_seen_subcommand_from configure" -f -a "switch" -d 'Make a profile the current one (used when no --profile or BGPEER_PROFILE is given)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand help; and __fish_seen_subcommand_from configure" -f -a "export-credentials" -d 'Print the active credentials for another tool (resolved through the whole chain; secrets!)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand help; and __fish_seen_subcommand_from emulator" -f -a "serve" -d 'Serve the emulated API (the default when no verb is given)'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand help; and __fish_seen_subcommand_from emulator" -f -a "reset" -d 'Restore the seeded state'

# Values of positional arguments (added by bgpeer, see clap-rs/clap#6295).
complete -c bgpeer -n "__fish_bgpeer_using_subcommand apply" -F
complete -c bgpeer -n "__fish_bgpeer_using_subcommand completions" -f -a 'bash'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand completions" -f -a 'elvish'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand completions" -f -a 'fish'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand completions" -f -a 'powershell'
complete -c bgpeer -n "__fish_bgpeer_using_subcommand completions" -f -a 'zsh'
