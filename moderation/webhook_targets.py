"""Which network addresses a webhook may be delivered to (issue 14 #3).

An admin registers a URL; the service then sends requests to it from inside its own network.
Without a rule, that URL could name the cloud metadata service (credentials), a database on
the private network, or the service's own host, and the delivery errors would let an admin map
them. So loopback, private, link-local, unique-local, multicast, reserved and cloud-metadata
addresses are refused, unless the operator allow-lists the network of a receiver that really
lives there (``STORIES_WEBHOOK_ALLOW_NETWORKS``). The metadata addresses are refused even then.

The rule is applied twice: at registration to a host written as an address, in any notation
a resolver would accept (``host_address``), and when connecting, to every address a name
resolves to (``refusal``; ``stories_service.webhooks.transport`` connects only to an address
it has checked, so a name that resolves differently the second time gains nothing).
"""

from __future__ import annotations

import socket
import unicodedata
from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network, ip_network
from urllib.parse import unquote

Address = IPv4Address | IPv6Address
Network = IPv4Network | IPv6Network

METADATA = "cloud metadata"

# Cloud metadata services: refused even inside an allow-listed network.
METADATA_ADDRESSES: frozenset[Address] = frozenset(
    {
        IPv4Address("169.254.169.254"),  # AWS, GCP, Azure, DigitalOcean, OpenStack
        IPv4Address("169.254.170.2"),  # AWS ECS task metadata
        IPv4Address("100.100.100.200"),  # Alibaba Cloud
        IPv4Address("192.0.0.192"),  # Oracle Cloud
        IPv4Address("168.63.129.16"),  # Azure platform (WireServer): a public address
        IPv6Address("fd00:ec2::254"),  # AWS over IPv6
    }
)

# The special-purpose ranges (IANA registries), each with the word shown to admins.
REFUSED_NETWORKS: tuple[tuple[Network, str], ...] = tuple(
    (ip_network(cidr), kind)
    for cidr, kind in (
        ("0.0.0.0/8", "unspecified"),  # 0.0.0.0 reaches the local host
        ("10.0.0.0/8", "private"),
        ("100.64.0.0/10", "shared (carrier-grade NAT)"),
        ("127.0.0.0/8", "loopback"),
        ("169.254.0.0/16", "link-local"),
        ("172.16.0.0/12", "private"),
        ("192.0.0.0/24", "reserved"),
        ("192.0.2.0/24", "reserved"),
        ("192.88.99.0/24", "reserved"),
        ("192.168.0.0/16", "private"),
        ("198.18.0.0/15", "reserved"),
        ("198.51.100.0/24", "reserved"),
        ("203.0.113.0/24", "reserved"),
        ("224.0.0.0/4", "multicast"),
        ("240.0.0.0/4", "reserved"),  # with the broadcast address 255.255.255.255
        ("::/128", "unspecified"),
        ("::1/128", "loopback"),
        ("::/96", "reserved"),  # IPv4-compatible, deprecated
        ("100::/64", "reserved"),
        ("64:ff9b:1::/48", "private"),  # local-use NAT64
        ("2001::/23", "reserved"),  # IETF protocol assignments, Teredo
        ("2001:db8::/32", "reserved"),
        ("2002::/16", "reserved"),  # 6to4, deprecated
        ("3fff::/20", "reserved"),
        ("5f00::/16", "reserved"),
        ("fc00::/7", "unique-local"),
        ("fe80::/10", "link-local"),
        ("fec0::/10", "site-local"),
        ("ff00::/8", "multicast"),
    )
)

_NAT64 = IPv6Network("64:ff9b::/96")  # the well-known NAT64 prefix: the IPv4 address inside


def _network(text: str) -> Network:
    try:
        return ip_network(text, strict=False)
    except ValueError:
        raise ValueError(f"{text!r} is not a network such as 10.20.0.0/16") from None


def parse_networks(raw: str) -> tuple[Network, ...]:
    """Comma-separated networks (``10.1.0.0/16``, ``fd12::/64``, or one address) to allow;
    raises ValueError naming the first that is not one."""
    return tuple(_network(part.strip()) for part in raw.split(",") if part.strip())


def host_address(host: str) -> Address | None:
    """The address a URL's host names when it is written as one, in any notation a resolver
    accepts (``127.1``, ``0x7f000001``, ``2130706433``, ``0177.0.0.1``, ``[::ffff:127.0.0.1]``,
    ``[fe80::1%25eth0]``, percent-encoded or full-width digits); ``localhost`` names count as
    127.0.0.1 (RFC 6761). None for any other name. Raises ValueError for a host with a colon
    that is no IPv6 address."""
    text = unicodedata.normalize("NFKC", unquote(host)).strip("[]").lower()
    if ":" in text:
        return IPv6Address(text.split("%", 1)[0])  # the zone id (%eth0) names no other host
    text = text.removesuffix(".")
    if text == "localhost" or text.endswith(".localhost"):
        return IPv4Address("127.0.0.1")
    try:
        return IPv4Address(text)
    except ValueError:
        pass
    if not text.isascii() or not text[:1].isdigit():
        return None  # a name: checked on the addresses it resolves to when connecting
    try:
        return IPv4Address(socket.inet_aton(text))  # the legacy forms: 127.1, 0x7f.1, octal
    except (OSError, ValueError):
        return None


def _embedded_ipv4(address: Address) -> IPv4Address | None:
    if isinstance(address, IPv4Address):
        return None
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address in _NAT64:
        return IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def refusal(address: Address, allowed: tuple[Network, ...] = ()) -> str | None:
    """Why a webhook must not reach ``address`` (the kind of address, e.g. ``loopback``), or
    None when it may. An IPv4 address inside IPv6 (``::ffff:10.0.0.1``, NAT64) is judged as
    itself; an address in an ``allowed`` network may be reached unless it is cloud metadata."""
    address = IPv6Address(int(address)) if isinstance(address, IPv6Address) else address
    inner = _embedded_ipv4(address)
    judged = inner or address
    if address in METADATA_ADDRESSES or judged in METADATA_ADDRESSES:
        return METADATA
    if any(a.version == n.version and a in n for a in (address, judged) for n in allowed):
        return None
    for network, kind in REFUSED_NETWORKS:
        if judged.version == network.version and judged in network:
            return kind
    if not judged.is_global:  # a range the table does not name yet
        return "reserved"
    return None
